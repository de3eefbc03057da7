using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>Always fails, with its (evaluated) ErrorMessage; the execution then ends Failed naming the step.</summary>
public sealed class FailExecutor : IStepExecutor
{
    public bool CanExecute(string stepType) => stepType == StepTypes.Fail;

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var message = context.Arguments["ErrorMessage"] switch
        {
            null => string.Empty,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        context.Log.Write($"Fail step reached: {message}");
        return Task.FromResult(StepResult.Failure(message, metadata: new JsonObject { ["Fail"] = new JsonObject { ["ErrorMessage"] = message } }));
    }
}
