using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>
/// Callback: issues a 10-character token (stored in the step metadata while it waits), writes the SQS message
/// SageMaker would send to the log and to the configured outbox folder, then waits for CompleteCallbackAsync.
/// </summary>
public sealed class CallbackExecutor(CallbackRegistry callbacks, EngineOptions options) : IStepExecutor
{
    public bool CanExecute(string stepType) => stepType == StepTypes.Callback;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var token = CallbackRegistry.NewToken();
        var queueUrl = context.StepJson["SqsQueueUrl"]?.DeepClone();
        var metadata = new JsonObject
        {
            ["Callback"] = new JsonObject { ["CallbackToken"] = token, ["SqsQueueUrl"] = queueUrl?.DeepClone() },
        };
        var waiting = callbacks.Register(token, context.Execution.Id);
        try
        {
            await context.ReportMetadataAsync(metadata).ConfigureAwait(false);
            var message = new JsonObject
            {
                ["token"] = token,
                ["pipelineExecutionArn"] = ExecutionVariables.ArnOfExecution(context.Execution.PipelineName, context.Execution.Id),
                ["arguments"] = context.Arguments.DeepClone(),
            }.ToJsonString();
            context.Log.Write($"Callback message for {queueUrl?.ToJsonString() ?? "(no queue)"}: {message}");
            if (!string.IsNullOrWhiteSpace(options.Callback.Outbox))
            {
                Directory.CreateDirectory(options.Callback.Outbox);
                await File.WriteAllTextAsync(Path.Combine(options.Callback.Outbox, token + ".json"), message, cancellationToken).ConfigureAwait(false);
            }

            context.Log.Write($"Waiting for SendPipelineExecutionStepSuccess or Failure with token {token}.");
            var completion = await waiting.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!completion.Succeeded)
            {
                return StepResult.Failure(completion.FailureReason ?? "The callback reported a failure.", metadata: metadata);
            }

            var values = completion.OutputParameters.ToDictionary(p => p.Key, p => (JsonNode?)JsonValue.Create(p.Value));
            var (properties, problem) = OutputParameterValues.Build(context.Step, values);
            if (problem is not null)
            {
                return StepResult.Failure(problem, metadata: metadata);
            }

            ((JsonObject)metadata["Callback"]!)["OutputParameters"] = OutputParameterValues.AsMetadataList(properties!);
            return StepResult.Success(properties, metadata);
        }
        finally
        {
            callbacks.Unregister(token);
        }
    }
}
