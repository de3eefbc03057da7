using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// Runs attempts until one succeeds or the step's RetryPolicies stop matching, waiting on the injected clock
/// between attempts (so tests drive it with a fake one). Each attempt gets its own record and log.
/// </summary>
public sealed class RetryMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var time = invocation.State.Time;
        invocation.FirstAttemptAt ??= time.GetUtcNow();
        if (invocation.InterruptedAttempt is { } interrupted)
        {
            var wait = RetryPolicy.NextDelay(invocation.Step.RetryPolicies, interrupted.FailureKind, invocation.Attempt - invocation.AttemptsBefore, invocation.FirstAttemptAt.Value, time.GetUtcNow());
            if (wait is null)
            {
                return interrupted;
            }

            await invocation.FlushAsync().ConfigureAwait(false);
            await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            invocation.Attempt++;
            var result = await next(invocation, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded || result.Stopped)
            {
                return result;
            }

            var delay = RetryPolicy.NextDelay(invocation.Step.RetryPolicies, result.FailureKind, invocation.Attempt - invocation.AttemptsBefore, invocation.FirstAttemptAt.Value, time.GetUtcNow());
            if (delay is null)
            {
                return result;
            }

            // The failed attempt's end is announced before the wait, not after it.
            await invocation.FlushAsync().ConfigureAwait(false);
            await Task.Delay(delay.Value, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
