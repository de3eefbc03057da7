using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>
/// Model (CreateModel): nothing is deployed locally, the step records what DescribeModel would say
/// (ModelName, ModelArn, PrimaryContainer or Containers, ExecutionRoleArn) so later steps can refer to it.
/// </summary>
public sealed class ModelExecutor : IStepExecutor
{
    public bool CanExecute(string stepType) => stepType == StepTypes.Model;

    public Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var name = context.Arguments["ModelName"] is JsonValue v && v.TryGetValue<string>(out var given)
            ? given
            : $"pipelines-{context.Execution.Id}-{context.StepName}".ToLowerInvariant();
        var arn = $"{ExecutionVariables.LocalArnPrefix}model/{name.ToLowerInvariant()}";
        var properties = new JsonObject
        {
            ["ModelName"] = name,
            ["ModelArn"] = arn,
            ["CreationTime"] = ExecutionVariables.FormatDateTime(context.Time.GetUtcNow()),
        };
        foreach (var key in new[] { "PrimaryContainer", "Containers", "ExecutionRoleArn", "InferenceExecutionConfig", "VpcConfig", "EnableNetworkIsolation" })
        {
            if (context.Arguments[key] is { } value)
            {
                properties[key] = value.DeepClone();
            }
        }

        context.Log.Write($"Recorded model {name}.");
        return Task.FromResult(StepResult.Success(properties, new JsonObject { ["Model"] = new JsonObject { ["Arn"] = arn } }));
    }
}
