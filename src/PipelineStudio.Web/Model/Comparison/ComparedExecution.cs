using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model.Comparison;

/// <summary>A number one execution produced, and where it was read from.</summary>
/// <param name="Source">The step, step property file or model package, e.g. <c>EvaluateChurnModel · ChurnEvaluation</c>.</param>
/// <param name="Maximize">Whether higher is better when the source declares it (a tuning objective); otherwise guessed from the name.</param>
public sealed record ComparedMetric(string Name, string Source, double Value, bool? Maximize = null);

/// <summary>One execution as the comparison sees it: the record, its steps, its metrics and the packages it registered.</summary>
public sealed record ComparedExecution(
    ExecutionRecord Execution,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<ComparedMetric> Metrics,
    IReadOnlyList<ModelPackageRecord> Packages)
{
    public string Id => Execution.Id;

    /// <summary>What a column header says: the display name when there is one, else the id.</summary>
    public string Label => Execution.DisplayName ?? Execution.Id;
}
