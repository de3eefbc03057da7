using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PipelineStudio.Engine.Lineage;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>
/// Records the lineage of each succeeded job or model step (cache hits too: the run still read and produced those
/// artifacts). Lineage is a record of what happened, so failing to write it is logged and never fails the step.
/// </summary>
public sealed class LineageMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var result = await next(invocation, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || !StepLineageRecorder.Records(invocation.Step.Type)
            || invocation.Services.GetService<StepLineageRecorder>() is not { } recorder)
        {
            return result;
        }

        try
        {
            await recorder.RecordAsync(
                invocation.Execution, invocation.Step, invocation.Arguments, result.Properties, invocation.State.Time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            invocation.Services.GetService<ILoggerFactory>()?.CreateLogger<LineageMiddleware>()
                .LogWarning(ex, "Could not record the lineage of step {Step} of execution {ExecutionId}.", invocation.StepName, invocation.Execution.Id);
        }

        return result;
    }
}
