using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>One metric of the reviewed package next to the approved one's; a side is null when its report lacks it.</summary>
public sealed record MetricComparison(string Name, double? Reviewed, double? Approved)
{
    public double? Difference => Reviewed is { } r && Approved is { } a ? r - a : null;
}

/// <summary>A pipeline parameter whose value differs between the two executions; null where one has no value.</summary>
public sealed record ParameterDifference(string Name, string? Reviewed, string? Approved);

/// <summary>The evidence against the currently approved version of the same group.</summary>
public sealed record ApprovedComparison(
    ModelPackageRecord Approved, IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<ParameterDifference> Parameters)
{
    public static IReadOnlyList<MetricComparison> CompareMetrics(IReadOnlyList<PackageMetric> reviewed, IReadOnlyList<PackageMetric> approved)
    {
        var names = reviewed.Select(m => m.Name).Concat(approved.Select(m => m.Name)).Distinct();
        return [.. names.Select(n => new MetricComparison(
            n, reviewed.FirstOrDefault(m => m.Name == n)?.Value, approved.FirstOrDefault(m => m.Name == n)?.Value))];
    }

    public static IReadOnlyList<ParameterDifference> CompareParameters(
        IReadOnlyDictionary<string, string>? reviewed, IReadOnlyDictionary<string, string>? approved)
    {
        reviewed ??= new Dictionary<string, string>();
        approved ??= new Dictionary<string, string>();
        return [.. reviewed.Keys.Union(approved.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ParameterDifference(k, reviewed.GetValueOrDefault(k), approved.GetValueOrDefault(k)))
            .Where(d => d.Reviewed != d.Approved)];
    }
}
