using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// The step's life as stored and announced: Starting when it gets a slot, then (from the attempt layer) Executing,
/// then Succeeded, Failed or Stopped with its properties, metadata, attempt count and cache source. The outcome (with
/// the last attempt's end, queued by the attempt layer) is left in <see cref="StepInvocation.Changes"/>: whoever runs
/// the chain stores it, so the scheduler can store it together with the decisions it leads to.
/// </summary>
public sealed class StateMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var time = invocation.State.Time;
        // Stored and announced with the attempt's first states (or with the outcome, when no attempt runs).
        invocation.QueueRecord(invocation.Record with
        {
            Status = StepStatus.Starting,
            StartedAt = time.GetUtcNow(),
            EndedAt = null,
            FailureReason = null,
        });

        var result = await next(invocation, cancellationToken).ConfigureAwait(false);
        var status = result.Succeeded ? StepStatus.Succeeded : result.Stopped ? StepStatus.Stopped : StepStatus.Failed;
        invocation.QueueRecord(invocation.Record with
        {
            Status = status,
            EndedAt = time.GetUtcNow(),
            AttemptCount = Math.Max(invocation.Attempt, invocation.Record.AttemptCount),
            FailureReason = result.Succeeded ? null : result.FailureReason,
            PropertiesJson = result.Properties?.ToJsonString() ?? (result.Succeeded ? null : invocation.Record.PropertiesJson),
            MetadataJson = result.Metadata?.ToJsonString() ?? invocation.Record.MetadataJson,
            CacheKey = invocation.CacheKey,
            CacheHitSourceExecutionId = invocation.CacheHitSourceExecutionId,
        });
        return result;
    }
}
