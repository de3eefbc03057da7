using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>
/// State of one package's review page: the package and its metrics, who changed its approval and why, the
/// comparison with the group's currently approved version, and the upstream lineage it was built from.
/// </summary>
public sealed class ModelPackageViewModel(
    IModelRegistry registry, ModelMetricsReader metricsReader, ILineageStore lineage, IRunStore runs, ILogger logger)
{
    public bool IsLoading { get; private set; } = true;

    public string? LoadError { get; private set; }

    /// <summary>Null once loaded when no such package exists.</summary>
    public ModelPackageRecord? Package { get; private set; }

    public IReadOnlyList<PackageMetric> Metrics { get; private set; } = [];

    /// <summary>Oldest change first, as the history reads.</summary>
    public IReadOnlyList<ApprovalChange> History { get; private set; } = [];

    /// <summary>Null when no other version of the group is approved.</summary>
    public ApprovedComparison? Comparison { get; private set; }

    public IReadOnlyList<LineageGroup> Lineage { get; private set; } = [];

    /// <summary>The group's other versions, newest first, to compare upstream lineage with.</summary>
    public IReadOnlyList<ModelPackageRecord> OtherVersions { get; private set; } = [];

    public bool LineageTruncated { get; private set; }

    public async Task LoadAsync(string group, int version, CancellationToken cancellationToken = default)
    {
        IsLoading = true;
        try
        {
            var packages = await registry.ListPackagesAsync(group, cancellationToken);
            Package = packages.FirstOrDefault(p => p.Version == version);
            OtherVersions = [.. packages.Where(p => p.Version != version).OrderByDescending(p => p.Version)];
            if (Package is not null)
            {
                Metrics = await metricsReader.ReadAsync(Package, cancellationToken);
                History = [.. (await registry.ListApprovalHistoryAsync(Package.Arn, cancellationToken)).OrderBy(h => h.ChangedAt)];
                Comparison = await CompareAsync(Package, packages, cancellationToken);
                await LoadLineageAsync(Package, cancellationToken);
            }

            LoadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, $"loading model package {group} v{version}");
        }
        finally
        {
            IsLoading = false;
        }
    }

    private async Task<ApprovedComparison?> CompareAsync(ModelPackageRecord reviewed, IReadOnlyList<ModelPackageRecord> group, CancellationToken cancellationToken)
    {
        // The newest approved version is the one a deployment would pick up (SageMaker's convention).
        var approved = group.Where(p => p.ApprovalStatus == ModelApprovalStatus.Approved && p.Arn != reviewed.Arn)
            .OrderByDescending(p => p.Version).FirstOrDefault();
        if (approved is null)
        {
            return null;
        }

        var approvedMetrics = await metricsReader.ReadAsync(approved, cancellationToken);
        var reviewedRun = reviewed.ExecutionId is { } r ? await runs.GetExecutionAsync(r, cancellationToken) : null;
        var approvedRun = approved.ExecutionId is { } a ? await runs.GetExecutionAsync(a, cancellationToken) : null;
        return new ApprovedComparison(
            approved,
            ApprovedComparison.CompareMetrics(Metrics, approvedMetrics),
            ApprovedComparison.CompareParameters(reviewedRun?.Parameters, approvedRun?.Parameters));
    }

    private async Task LoadLineageAsync(ModelPackageRecord package, CancellationToken cancellationToken)
    {
        var id = LineageIds.Artifact(LineageTypes.ModelPackage, package.Arn);
        var graph = await lineage.QueryAsync(new LineageQuery(id, LineageDirection.Upstream, LineageSnapshot.Depth), cancellationToken);
        Lineage = LineageSnapshot.Group(graph, id);
        LineageTruncated = graph.Truncated;
    }
}
