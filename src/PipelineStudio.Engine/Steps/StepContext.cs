using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Steps;

/// <summary>Everything an executor needs for one attempt of one step.</summary>
public sealed class StepContext
{
    public required ExecutionRecord Execution { get; init; }

    public required PipelineDefinition Definition { get; init; }

    public required StepDefinition Step { get; init; }

    /// <summary>1 for the first attempt, then 2, 3... for retries.</summary>
    public required int Attempt { get; init; }

    /// <summary>The step's Arguments with every expression evaluated (a Condition's Arguments hold only its Conditions).</summary>
    public required JsonObject Arguments { get; init; }

    /// <summary>The whole step with expressions evaluated (FunctionArn, OutputParameters, SqsQueueUrl...).</summary>
    public required JsonObject StepJson { get; init; }

    /// <summary>A directory private to this attempt (<c>&lt;data&gt;/work/&lt;exec&gt;/&lt;step&gt;/&lt;attempt&gt;</c>).</summary>
    public required string Workspace { get; init; }

    public required IStepLog Log { get; init; }

    public required IArtifactStore Artifacts { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>The expression context of this step (parameters, execution variables, other steps' properties).</summary>
    public required EvaluationContext Expressions { get; init; }

    public required IServiceProvider Services { get; init; }

    /// <summary>
    /// Stores step metadata while the step still runs (e.g. a Callback's token, so the API can find it);
    /// a no-op outside the engine.
    /// </summary>
    public Func<JsonObject, Task> ReportMetadataAsync { get; init; } = static _ => Task.CompletedTask;

    /// <summary>The step's name (never null for a step that runs: validation refuses unnamed steps).</summary>
    public string StepName => Step.Name ?? string.Empty;

    /// <summary>The step's type.</summary>
    public string StepType => Step.Type ?? string.Empty;
}
