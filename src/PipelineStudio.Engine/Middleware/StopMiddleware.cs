using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>Turns the cancellation of a stop request into a Stopped result (outermost layer).</summary>
public sealed class StopMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (invocation.StopToken.IsCancellationRequested)
        {
            return StepResult.Stop("The execution was stopped.");
        }
    }
}
