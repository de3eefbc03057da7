using System.Globalization;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>Writes when an attempt started and how long it took into the attempt's log.</summary>
public sealed class TimingMiddleware : IStepMiddleware
{
    public async Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken)
    {
        var time = invocation.State.Time;
        var started = time.GetTimestamp();
        invocation.Log?.Note(string.Create(CultureInfo.InvariantCulture, $"[pipelinestudio] Attempt {invocation.Attempt} of step '{invocation.StepName}' started at {time.GetUtcNow():O}."));
        var result = await next(invocation, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        invocation.Log?.Note(string.Create(CultureInfo.InvariantCulture, $"[pipelinestudio] Attempt {invocation.Attempt} ended after {elapsed.TotalSeconds:0.###} s: {(result.Succeeded ? "succeeded" : "failed")}."));
        return result;
    }
}
