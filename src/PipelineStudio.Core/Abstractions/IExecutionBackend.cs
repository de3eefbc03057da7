using PipelineStudio.Core.Runs;

namespace PipelineStudio.Core.Abstractions;

/// <summary>Run only <paramref name="SelectedSteps"/>, taking the other steps' outputs from a reference execution.</summary>
public sealed record SelectiveExecution(IReadOnlyList<string> SelectedSteps, string? SourceExecutionId = null);

/// <summary>What to start: a pipeline (its latest version unless one is named) with parameter values as strings.</summary>
public sealed record StartExecutionRequest(
    string PipelineName,
    IReadOnlyDictionary<string, string> Parameters,
    int? PipelineVersion = null,
    string? DisplayName = null,
    int? MaxParallelSteps = null,
    SelectiveExecution? Selective = null);

/// <summary>Raised when an execution cannot start; nothing was started. Each problem names the parameter or step.</summary>
public sealed class ExecutionRefusedException(IReadOnlyList<string> problems)
    : Exception("The execution was not started: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Runs executions: the local engine by default, SageMaker when configured. State goes to
/// <see cref="IRunStore"/> first and is then announced on <see cref="IRunEventHub"/>.
/// </summary>
public interface IExecutionBackend
{
    /// <summary>Validates the parameters, stores the execution and starts it. Throws <see cref="ExecutionRefusedException"/>.</summary>
    Task<ExecutionRecord> StartAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops a running execution: running steps are killed, then it ends Stopped.</summary>
    Task StopAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>Resumes a Failed or Stopped execution from its failed and stopped steps, in place.</summary>
    Task<ExecutionRecord> RetryAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>Completes a waiting Callback step (SendPipelineExecutionStepSuccess / Failure).</summary>
    Task<ExecutionRecord> CompleteCallbackAsync(
        string callbackToken, bool succeeded, IReadOnlyDictionary<string, string>? outputParameters, string? failureReason,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// The studio's one place where run events meet their listeners (UI pages, API streams). Singleton.
/// Subscriptions are disposable; a listener that throws is logged and kept.
/// </summary>
public interface IRunEventHub
{
    void Publish(RunEvent runEvent);

    /// <summary>Listens to one execution's events, or every execution's when <paramref name="executionId"/> is null.</summary>
    IDisposable Subscribe(string? executionId, Func<RunEvent, ValueTask> listener);
}
