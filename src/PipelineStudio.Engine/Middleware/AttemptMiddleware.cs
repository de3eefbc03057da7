using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>Records each attempt (Executing, then its outcome and failure kind) and moves the step to Executing.</summary>
public sealed class AttemptMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var time = invocation.State.Time;
        var attempt = new AttemptRecord(invocation.Execution.Id, invocation.StepName, invocation.Attempt, StepStatus.Executing, time.GetUtcNow());
        // Starting (queued by the state layer), the attempt and Executing are stored before the executor runs, with one wait.
        invocation.Changes.SaveAttempt(attempt);
        await invocation.SaveRecordAsync(invocation.Record with { Status = StepStatus.Executing, AttemptCount = invocation.Attempt }).ConfigureAwait(false);

        StepResult result;
        try
        {
            result = await next(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (invocation.StopToken.IsCancellationRequested)
        {
            result = StepResult.Stop("The execution was stopped.");
        }

        var status = result.Succeeded ? StepStatus.Succeeded : result.Stopped ? StepStatus.Stopped : StepStatus.Failed;
        // Announced with the step's outcome, or before a retry waits (the retry and state layers flush).
        invocation.Changes.SaveAttempt(
            attempt with { Status = status, EndedAt = time.GetUtcNow(), FailureReason = result.FailureReason, FailureKind = result.FailureKind });
        return result;
    }
}
