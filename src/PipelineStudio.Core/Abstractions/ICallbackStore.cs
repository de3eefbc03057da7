namespace PipelineStudio.Core.Abstractions;

/// <summary>
/// A Callback step's token and, once someone answered, the answer. Kept in the studio database so that any process
/// (the web app, <c>pipelinestudio callback</c>, a script through the REST API) can complete a step that another
/// process's engine waits on, and so that a waiting step survives a restart with the same token.
/// </summary>
public sealed record CallbackRecord(
    string Token,
    string ExecutionId,
    string StepName,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CompletedAt = null,
    bool? Succeeded = null,
    IReadOnlyDictionary<string, string>? OutputParameters = null,
    string? FailureReason = null,
    DateTimeOffset? ClosedAt = null)
{
    /// <summary>Still waiting: nobody answered and the step has not stopped waiting.</summary>
    public bool IsOpen => CompletedAt is null && ClosedAt is null;
}

/// <summary>What became of a completion call.</summary>
public enum CallbackCompletionOutcome
{
    Completed,
    UnknownToken,
    AlreadyCompleted,

    /// <summary>The step stopped waiting (the execution was stopped, or the step failed) before the answer came.</summary>
    NoLongerWaiting,
}

public interface ICallbackStore
{
    /// <summary>Stores a newly issued token for a waiting step.</summary>
    Task IssueAsync(CallbackRecord callback, CancellationToken cancellationToken = default);

    /// <summary>Records the answer if the token is still open; exactly one of several concurrent answers wins.</summary>
    Task<CallbackCompletionOutcome> CompleteAsync(
        string token, bool succeeded, IReadOnlyDictionary<string, string> outputParameters, string? failureReason, DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>Marks an open token as no longer waited on (the step was stopped or gave up).</summary>
    Task CloseAsync(string token, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<CallbackRecord?> GetAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>The newest token of a step that is still open or answered but not yet taken up, so a resumed step waits on the token it already handed out.</summary>
    Task<CallbackRecord?> FindPendingAsync(string executionId, string stepName, CancellationToken cancellationToken = default);
}
