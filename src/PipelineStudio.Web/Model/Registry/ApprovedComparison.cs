using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model.Comparison;

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

    /// <summary>The parameters whose values differ, by name: the two-column case of the execution comparison's rows.</summary>
    public static IReadOnlyList<ParameterDifference> CompareParameters(
        IReadOnlyDictionary<string, string>? reviewed, IReadOnlyDictionary<string, string>? approved) =>
        [.. ExecutionComparison.ParameterRows([reviewed, approved])
            .Where(row => row.Differs)
            .Select(row => new ParameterDifference(row.Name, row.Values[0], row.Values[1]))];
}
