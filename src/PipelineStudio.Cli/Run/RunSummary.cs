using System.Text.Json;
using System.Text.Json.Serialization;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Cli.Run;

/// <summary>What <c>run</c> prints on stdout when the execution ends: one JSON object scripts can read.</summary>
public sealed record RunSummary(
    string ExecutionId,
    string Pipeline,
    int PipelineVersion,
    string Status,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<RunStepSummary> Steps)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static RunSummary From(ExecutionRecord execution, IEnumerable<StepRecord> steps) =>
        new(execution.Id, execution.PipelineName, execution.PipelineVersion, execution.Status.ToString(), execution.FailureReason,
            execution.CreatedAt, execution.EndedAt, steps.Select(RunStepSummary.From).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>One step in the <see cref="RunSummary"/>.</summary>
/// <param name="CacheHit">Whether the step reused an earlier execution's outputs instead of running.</param>
public sealed record RunStepSummary(
    string Name,
    string Type,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Attempts,
    bool CacheHit,
    string? CacheHitSourceExecutionId,
    string? FailureReason)
{
    public static RunStepSummary From(StepRecord step) =>
        new(step.StepName, step.StepType, step.Status.ToString(), step.StartedAt, step.EndedAt, step.AttemptCount,
            step.CacheHitSourceExecutionId is not null, step.CacheHitSourceExecutionId, step.FailureReason);
}
