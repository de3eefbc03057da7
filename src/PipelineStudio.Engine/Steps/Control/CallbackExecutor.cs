using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>
/// Callback: issues a 10-character token (stored, and put in the step metadata while it waits), writes the SQS message
/// SageMaker would send to the log and to the configured outbox folder, then waits for the answer. The answer may come
/// from any process sharing the database (REST, <c>pipelinestudio callback</c>): it is read from the store once a
/// second, or at once when it arrives in this process. After a restart the step waits again on the token it issued.
/// </summary>
public sealed class CallbackExecutor(CallbackRegistry callbacks, ICallbackStore store, RunStatePublisher state, EngineOptions options) : IStepExecutor
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public bool CanExecute(string stepType) => stepType == StepTypes.Callback;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var issued = await store.FindPendingAsync(context.Execution.Id, context.Step.Name!, cancellationToken).ConfigureAwait(false);
        var token = issued?.Token ?? CallbackRegistry.NewToken();
        if (issued is null)
        {
            await store.IssueAsync(new CallbackRecord(token, context.Execution.Id, context.Step.Name!, state.Time.GetUtcNow()), cancellationToken)
                .ConfigureAwait(false);
        }

        var queueUrl = context.StepJson["SqsQueueUrl"]?.DeepClone();
        var metadata = new JsonObject
        {
            ["Callback"] = new JsonObject { ["CallbackToken"] = token, ["SqsQueueUrl"] = queueUrl?.DeepClone() },
        };
        var waiting = callbacks.Register(token, context.Execution.Id);
        try
        {
            await context.ReportMetadataAsync(metadata).ConfigureAwait(false);
            if (issued is null)
            {
                await SendMessageAsync(context, token, queueUrl, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Log.Write($"Waiting again on callback token {token}, issued before the studio restarted.");
            }

            context.Log.Write($"Waiting for SendPipelineExecutionStepSuccess or Failure with token {token}.");
            var completion = await WaitForAnswerAsync(token, waiting, cancellationToken).ConfigureAwait(false);
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

            // Answer taken up, or the step was stopped: the token is spent. At shutdown it stays open for the next start.
            if (!state.IsFrozen)
            {
                await store.CloseAsync(token, state.Time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task SendMessageAsync(StepContext context, string token, JsonNode? queueUrl, CancellationToken cancellationToken)
    {
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
    }

    private async Task<CallbackCompletion> WaitForAnswerAsync(string token, Task<CallbackCompletion> inProcess, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (inProcess.IsCompleted)
            {
                return await inProcess.ConfigureAwait(false);
            }

            if (await store.GetAsync(token, cancellationToken).ConfigureAwait(false) is { CompletedAt: not null } answered)
            {
                return new CallbackCompletion(
                    answered.Succeeded == true, answered.OutputParameters ?? new Dictionary<string, string>(), answered.FailureReason);
            }

            await Task.WhenAny(inProcess, Task.Delay(PollInterval, state.Time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
