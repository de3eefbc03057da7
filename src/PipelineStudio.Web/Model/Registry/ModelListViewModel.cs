using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>A package on the list with the metrics its evaluation report gives (none when unreadable).</summary>
public sealed record PackageRow(ModelPackageRecord Package, IReadOnlyList<PackageMetric> Metrics)
{
    /// <summary>The <c>group-version</c> id of the REST API and of the row's <c>data-package</c>.</summary>
    public string Id => $"{Package.GroupName}-{Package.Version}";

    public string Href => ModelLinks.Package(Package);
}

/// <summary>
/// State of the model registry page: every package loaded once with its metrics, then filtered by group and
/// approval status in memory so changing a filter never waits for the store.
/// </summary>
public sealed class ModelListViewModel(IModelRegistry registry, ModelMetricsReader metrics, ILogger logger)
{
    private IReadOnlyList<PackageRow> _all = [];

    public bool IsLoading { get; private set; } = true;

    public string? LoadError { get; private set; }

    /// <summary>Only this group; null for all.</summary>
    public string? Group { get; set; }

    /// <summary>Only this status; null for all.</summary>
    public ModelApprovalStatus? Status { get; set; }

    /// <summary>True when the registry holds no package at all (not merely none matching the filters).</summary>
    public bool IsEmpty => !IsLoading && LoadError is null && _all.Count == 0;

    public int TotalCount => _all.Count;

    public IReadOnlyList<string> GroupNames => [.. _all.Select(r => r.Package.GroupName).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The filtered packages by group (groups by name), newest version first in each.</summary>
    public IReadOnlyList<IGrouping<string, PackageRow>> VisibleGroups => [.. _all
        .Where(r => (Group is null || r.Package.GroupName == Group) && (Status is null || r.Package.ApprovalStatus == Status))
        .OrderBy(r => r.Package.GroupName, StringComparer.Ordinal).ThenByDescending(r => r.Package.Version)
        .GroupBy(r => r.Package.GroupName)];

    public int VisibleCount => VisibleGroups.Sum(g => g.Count());

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        IsLoading = true;
        try
        {
            var packages = await registry.ListPackagesAsync(cancellationToken: cancellationToken);
            // Versions of one pipeline usually share one report URI: read each distinct ModelMetrics once.
            var byMetrics = new Dictionary<string, IReadOnlyList<PackageMetric>>(StringComparer.Ordinal);
            var rows = new List<PackageRow>(packages.Count);
            foreach (var package in packages)
            {
                var key = package.ModelMetricsJson ?? "";
                if (!byMetrics.TryGetValue(key, out var read))
                {
                    byMetrics[key] = read = await metrics.ReadAsync(package, cancellationToken);
                }

                rows.Add(new PackageRow(package, read));
            }

            _all = rows;
            LoadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "listing model packages");
        }
        finally
        {
            IsLoading = false;
        }
    }
}
