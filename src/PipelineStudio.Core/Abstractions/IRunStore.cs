using PipelineStudio.Core.Runs;

namespace PipelineStudio.Core.Abstractions;

/// <summary>Which executions to list, newest first.</summary>
public sealed record ExecutionQuery(
    string? PipelineName = null,
    IReadOnlyCollection<ExecutionStatus>? Statuses = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    int Limit = 100,
    int Offset = 0);

/// <summary>
/// The durable state of executions. Every write returns once the change is on disk, so whoever announces
/// a change after awaiting it never announces something a crash could take back.
/// </summary>
public interface IRunStore
{
    /// <summary>Stores a new execution with all its steps in one transaction (Pending, or already settled for a selective run).</summary>
    Task CreateExecutionAsync(ExecutionRecord execution, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken = default);

    Task SaveExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken = default);

    Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken = default);

    Task SaveAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default);

    Task<ExecutionRecord?> GetExecutionAsync(string executionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken = default);

    /// <summary>The execution's steps in definition order.</summary>
    Task<IReadOnlyList<StepRecord>> ListStepsAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The steps of several executions in one read (a page of a list), by execution id, each in definition order.
    /// An id with no steps, or no execution, is not in the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<StepRecord>>> ListStepsOfExecutionsAsync(
        IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string executionId, string stepName, CancellationToken cancellationToken = default);

    /// <summary>Every attempt of every step of the execution in one read, by step name, then attempt.</summary>
    Task<IReadOnlyList<AttemptRecord>> ListAttemptsOfExecutionAsync(string executionId, CancellationToken cancellationToken = default);

    /// <summary>Executions left Executing or Stopping, e.g. by a crash: the engine resumes them at start.</summary>
    Task<IReadOnlyList<ExecutionRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest Succeeded step of the same pipeline and step name with this cache key that ended at or after
    /// <paramref name="notBefore"/>, for step caching; null when there is none.
    /// </summary>
    Task<StepRecord?> FindCacheHitAsync(string pipelineName, string stepName, string cacheKey, DateTimeOffset notBefore, CancellationToken cancellationToken = default);
}
