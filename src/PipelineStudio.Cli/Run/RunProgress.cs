using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Cli.Run;

/// <summary>Prints each step's start and end on stderr while <c>run</c> waits, so stdout stays pure JSON.</summary>
public static class RunProgress
{
    public static IDisposable Attach(IRunEventHub hub, TextWriter error)
    {
        var gate = new Lock();
        return hub.Subscribe(null, runEvent =>
        {
            if (runEvent is StepChanged { Step: var step } && (step.Status == StepStatus.Executing || step.Status.IsFinished()))
            {
                var reason = step.FailureReason is { Length: > 0 } r ? $": {r}" : "";
                lock (gate)
                {
                    error.WriteLine($"  {step.StepName} ({step.StepType}) {step.Status}{reason}");
                }
            }

            return ValueTask.CompletedTask;
        });
    }
}
