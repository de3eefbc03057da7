using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model.Comparison;

/// <summary>
/// Two or more executions side by side: their parameters, metrics, step durations and cache hits as rows with one
/// value per execution (in the order given; the first is the baseline differences are measured against). The
/// executions may belong to different pipelines or versions: what one lacks is a null cell, never an error.
/// </summary>
public sealed class ExecutionComparison
{
    private ExecutionComparison(IReadOnlyList<ComparedExecution> executions)
    {
        Executions = executions;
        Parameters = ParameterRows(executions.Select(e => e.Execution.Parameters).ToList());
        Metrics = MetricRows(executions);
        Steps = StepRows(executions);
        CacheHits = [.. executions.Select(e => new CacheSummary(
            e.Steps.Count(s => s.CacheHitSourceExecutionId is not null),
            e.Steps.Count(s => s.Status != StepStatus.NotExecuted)))];
    }

    public IReadOnlyList<ComparedExecution> Executions { get; }

    /// <summary>Every parameter any of them has, by name.</summary>
    public IReadOnlyList<ParameterRow> Parameters { get; }

    public IReadOnlyList<ParameterRow> DifferingParameters => [.. Parameters.Where(p => p.Differs)];

    /// <summary>Every metric any of them produced, in the order first found.</summary>
    public IReadOnlyList<MetricRow> Metrics { get; }

    /// <summary>Every step any of them has, in definition order (steps only a later execution has come after).</summary>
    public IReadOnlyList<StepRow> Steps { get; }

    /// <summary>One per execution, in column order.</summary>
    public IReadOnlyList<CacheSummary> CacheHits { get; }

    /// <summary>The pipelines and versions involved, e.g. <c>["churn v2", "churn v3"]</c>; one entry when all ran the same.</summary>
    public IReadOnlyList<string> PipelineVersions =>
        [.. Executions.Select(e => $"{e.Execution.PipelineName} v{e.Execution.PipelineVersion}").Distinct()];

    public static ExecutionComparison Of(IReadOnlyList<ComparedExecution> executions) => new(executions);

    /// <summary>Parameter rows over any number of parameter sets (a null set has no parameters), sorted by name.</summary>
    public static IReadOnlyList<ParameterRow> ParameterRows(IReadOnlyList<IReadOnlyDictionary<string, string>?> parameterSets) =>
        [.. parameterSets.SelectMany(p => p?.Keys ?? []).Distinct().Order(StringComparer.Ordinal)
            .Select(name => new ParameterRow(name, [.. parameterSets.Select(p => p?.GetValueOrDefault(name))]))];

    private static List<MetricRow> MetricRows(IReadOnlyList<ComparedExecution> executions)
    {
        var names = executions.SelectMany(e => e.Metrics).Select(m => m.Name).Distinct(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var found = executions.Select(e => e.Metrics.FirstOrDefault(m => m.Name == name)).ToList();
            var first = found.First(m => m is not null)!;
            var declared = found.FirstOrDefault(m => m?.Maximize is not null)?.Maximize;
            return new MetricRow(name, first.Source, MetricGoals.HigherIsBetter(name, declared), [.. found.Select(m => m?.Value)]);
        })];
    }

    private static List<StepRow> StepRows(IReadOnlyList<ComparedExecution> executions)
    {
        var order = executions.SelectMany(e => e.Steps).DistinctBy(s => s.StepName).ToList();
        return [.. order.Select(step => new StepRow(
            step.StepName,
            step.StepType,
            [.. executions.Select(e => e.Steps.FirstOrDefault(s => s.StepName == step.StepName) is { } record ? StepCell.Of(record) : null)]))];
    }
}
