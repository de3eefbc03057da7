using System.Text.Json;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Cli.Run;

/// <summary>
/// Prints each step's start and end on stderr while <c>run</c> waits, so stdout stays pure JSON, and how to answer a
/// Callback step that waits.
/// </summary>
public static class RunProgress
{
    public static IDisposable Attach(IRunEventHub hub, TextWriter error)
    {
        var gate = new Lock();
        return hub.Subscribe(null, runEvent =>
        {
            if (runEvent is StepChanged { Step: { StepType: StepTypes.Callback, Status: StepStatus.Executing } waiting }
                && CallbackTokenOf(waiting) is { } token)
            {
                lock (gate)
                {
                    error.WriteLine($"  {waiting.StepName} waits for a callback. Answer it from another terminal (same data directory):");
                    error.WriteLine($"    {CliApplication.ToolName} callback {token} --output NAME=VALUE ...   or   --failure \"reason\"");
                }
            }
            else if (runEvent is StepChanged { Step: var step } && (step.Status == StepStatus.Executing || step.Status.IsFinished()))
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

    /// <summary>The token a waiting Callback step put in its metadata, once it has.</summary>
    private static string? CallbackTokenOf(StepRecord step)
    {
        if (step.MetadataJson is not { Length: > 0 } json)
        {
            return null;
        }

        using var metadata = JsonDocument.Parse(json);
        return metadata.RootElement.TryGetProperty("Callback", out var callback)
            && callback.TryGetProperty("CallbackToken", out var token) && token.ValueKind == JsonValueKind.String
            ? token.GetString()
            : null;
    }
}
