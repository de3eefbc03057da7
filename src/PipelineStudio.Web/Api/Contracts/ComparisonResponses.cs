using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>
/// <c>GET /api/v1/executions/compare</c>: the executions in the order asked (the first is the baseline), and rows
/// whose <c>values</c> / <c>cells</c> have one entry per execution, null where that execution has no such thing.
/// </summary>
public sealed record ComparisonResponse(
    IReadOnlyList<ComparedExecutionResponse> Executions,
    IReadOnlyList<ParameterRowResponse> Parameters,
    IReadOnlyList<MetricRowResponse> Metrics,
    IReadOnlyList<StepRowResponse> Steps)
{
    public static ComparisonResponse From(ExecutionComparison comparison) => new(
        [.. comparison.Executions.Select((e, i) => ComparedExecutionResponse.From(e, comparison.CacheHits[i]))],
        [.. comparison.Parameters.Select(p => new ParameterRowResponse(p.Name, p.Values, p.Differs))],
        [.. comparison.Metrics.Select(m => new MetricRowResponse(m.Name, m.Source, m.HigherIsBetter, m.Values, [.. m.Best.Order()]))],
        [.. comparison.Steps.Select(s => new StepRowResponse(s.Name, s.StepType, [.. s.Cells.Select(StepCellResponse.From)]))]);
}

/// <param name="CacheHits">How many of its steps reused cached outputs.</param>
/// <param name="Steps">How many of its steps ran or were reused (not-executed branches left out).</param>
/// <param name="ModelPackages">The ARNs of the model packages it registered.</param>
public sealed record ComparedExecutionResponse(
    string Id, string PipelineName, int PipelineVersion, string Status, string? DisplayName,
    DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, int CacheHits, int Steps, IReadOnlyList<string> ModelPackages)
{
    public static ComparedExecutionResponse From(ComparedExecution compared, CacheSummary cache)
    {
        var e = compared.Execution;
        return new(e.Id, e.PipelineName, e.PipelineVersion, e.Status.ToString(), e.DisplayName, e.CreatedAt, e.EndedAt,
            cache.Hits, cache.Steps, [.. compared.Packages.Select(p => p.Arn)]);
    }
}

public sealed record ParameterRowResponse(string Name, IReadOnlyList<string?> Values, bool Differs);

/// <param name="Best">The indexes of the executions holding the best value; empty when fewer than two have it or all agree.</param>
public sealed record MetricRowResponse(string Name, string Source, bool HigherIsBetter, IReadOnlyList<double?> Values, IReadOnlyList<int> Best);

public sealed record StepRowResponse(string Name, string StepType, IReadOnlyList<StepCellResponse?> Cells);

public sealed record StepCellResponse(string Status, double? DurationSeconds, string? CacheHitSourceExecutionId, int Attempts)
{
    public static StepCellResponse? From(StepCell? cell) => cell is null
        ? null
        : new(cell.Status.ToString(), cell.Duration?.TotalSeconds, cell.CacheHitSource, cell.Attempts);
}
