using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Hosting;

/// <summary>
/// Resumes what a crash or restart left unfinished; the host calls <see cref="ResumeAsync"/> once at start.
/// Finished steps stay as they are. A step caught mid-attempt gets that attempt closed as Failed
/// (JOB_INTERNAL_ERROR, "interrupted by a restart") and is retried if its RetryPolicies allow, else fails.
/// Executions that were Stopping end Stopped. A Callback step that still holds an unanswered (or answered, not yet
/// taken up) token is not failed: it waits again on the same token, since whoever answers it already has that token.
/// Only executions no live engine holds are resumed (see <see cref="IExecutionLeases"/>): the web app never runs an
/// execution a CLI process on the same data directory is running.
/// </summary>
public sealed class EngineRecovery(
    IRunStore store, IExecutionLeases leases, ICallbackStore callbacks, LocalExecutionBackend backend, EngineInstance instance, EngineServices services)
{
    public const string InterruptedReason = "The attempt was interrupted by a restart.";

    /// <summary>Resumes every unfinished execution; returns their ids. One broken execution does not stop the others.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(CancellationToken cancellationToken = default)
    {
        var resumed = new List<string>();
        foreach (var execution in await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (backend.IsRunning(execution.Id) || backend.IsOwnedByAnotherLiveEngine(execution)
                || !await leases.TryTakeAsync(execution.Id, execution.OwnerId, instance.Id, backend.LeaseEnd(), cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await ResumeOneAsync(execution with { OwnerId = instance.Id }, cancellationToken).ConfigureAwait(false);
                resumed.Add(execution.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                services.Logger.LogError(ex, "Could not resume execution {ExecutionId}.", execution.Id);
                await services.State.SaveExecutionAsync(execution with
                {
                    Status = ExecutionStatus.Failed,
                    EndedAt = services.State.Time.GetUtcNow(),
                    FailureReason = $"The execution could not be resumed after a restart: {ex.Message}",
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        return resumed;
    }

    private async Task ResumeOneAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var now = services.State.Time.GetUtcNow();
        var steps = await store.ListStepsAsync(execution.Id, cancellationToken).ConfigureAwait(false);
        var interrupted = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        var records = new List<StepRecord>();
        var stopping = execution.Status == ExecutionStatus.Stopping;
        foreach (var step in steps)
        {
            var record = step;
            if (step.Status.IsActive())
            {
                var waitsAgain = !stopping && step.StepType == StepTypes.Callback
                    && await callbacks.FindPendingAsync(step.ExecutionId, step.StepName, cancellationToken).ConfigureAwait(false) is not null;
                var closed = await CloseOpenAttemptAsync(step, now, stopping || waitsAgain, cancellationToken).ConfigureAwait(false);
                if (closed && !stopping && !waitsAgain)
                {
                    interrupted[step.StepName] = StepResult.Failure(InterruptedReason, FailureKinds.JobInternalError);
                }

                record = stopping
                    ? step with { Status = StepStatus.Stopped, EndedAt = now, FailureReason = "The execution was stopped." }
                    : step with { Status = StepStatus.Pending, QueuedAt = null };
                await services.State.SaveStepAsync(record, cancellationToken).ConfigureAwait(false);
            }
            else if (step.Status == StepStatus.Pending)
            {
                record = stopping ? step with { Status = StepStatus.NotExecuted, QueuedAt = null } : step with { QueuedAt = null };
                if (stopping)
                {
                    await services.State.SaveStepAsync(record, cancellationToken).ConfigureAwait(false);
                }
            }

            records.Add(record);
        }

        if (stopping)
        {
            await services.State.SaveExecutionAsync(execution with { Status = ExecutionStatus.Stopped, EndedAt = now }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (_, definition) = await backend.LoadAsync(execution.PipelineName, execution.PipelineVersion, cancellationToken).ConfigureAwait(false);
        backend.Run(new ExecutionCoordinator(execution, definition, records, services, interrupted));
    }

    /// <summary>Closes the attempt left open; false when none was (the step had not begun an attempt).</summary>
    /// <param name="notAFailure">Close it Stopped rather than Failed (the execution was stopping, or the step simply waits again).</param>
    private async Task<bool> CloseOpenAttemptAsync(StepRecord step, DateTimeOffset now, bool notAFailure, CancellationToken cancellationToken)
    {
        var attempts = await store.ListAttemptsAsync(step.ExecutionId, step.StepName, cancellationToken).ConfigureAwait(false);
        var open = attempts.LastOrDefault(a => a.EndedAt is null && !a.Status.IsFinished());
        if (open is null)
        {
            return false;
        }

        await services.State.SaveAttemptAsync(open with
        {
            Status = notAFailure ? StepStatus.Stopped : StepStatus.Failed,
            EndedAt = now,
            FailureReason = InterruptedReason,
            FailureKind = FailureKinds.JobInternalError,
        }, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
