using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>Opens the attempt's log file for the layers inside it and the executor, and closes it after.</summary>
public sealed class LoggingMiddleware(EngineOptions options) : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var executionId = invocation.Execution.Id;
        var attempt = invocation.Attempt;
        using var log = new FileStepLog(
            options.DataDirectory, executionId, invocation.StepName, attempt,
            line => invocation.State.PublishLogLine(executionId, invocation.StepName, attempt, line));
        invocation.Log = log;
        try
        {
            var result = await next(invocation, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded && result.FailureReason is { } reason)
            {
                log.Write($"[pipelinestudio] {(result.Stopped ? "Stopped" : "Failed")}: {reason}");
            }

            return result;
        }
        finally
        {
            invocation.Log = null;
        }
    }
}
