using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Middleware;

/// <summary>The next part of the chain.</summary>
public delegate Task<StepResult> StepDelegate(StepInvocation invocation, CancellationToken cancellationToken);

/// <summary>One layer around step executors (state, logging, timing, retry, cache, stop).</summary>
public interface IStepMiddleware
{
    Task<StepResult> InvokeAsync(StepInvocation invocation, StepDelegate next, CancellationToken cancellationToken);
}

/// <summary>
/// One run of one step through the middleware chain, possibly over several attempts. The middlewares fill it in
/// as they go (evaluated arguments, attempt number, log, cache key) and keep <see cref="Record"/> current.
/// </summary>
public sealed class StepInvocation
{
    private RunStateBatch? _changes;

    public required ExecutionRecord Execution { get; init; }

    public required PipelineDefinition Definition { get; init; }

    public required StepDefinition Step { get; init; }

    /// <summary>The step's record as last saved.</summary>
    public required StepRecord Record { get; set; }

    /// <summary>The step's expression context (parameters, variables, finished steps' properties).</summary>
    public required EvaluationContext Expressions { get; init; }

    public required RunStatePublisher State { get; init; }

    public required IServiceProvider Services { get; init; }

    /// <summary>Cancelled when the execution is stopped (as opposed to the host shutting down).</summary>
    public required CancellationToken StopToken { get; init; }

    public string StepName => Step.Name ?? string.Empty;

    /// <summary>The current attempt (1-based); starts at the attempts already made, e.g. before a retry of the execution.</summary>
    public int Attempt { get; set; }

    /// <summary>Attempts made before this run of the step (an execution retry continues the numbering), for retry counting.</summary>
    public int AttemptsBefore { get; init; }

    /// <summary>When the first attempt of this run of the step started, for ExpireAfterMin.</summary>
    public DateTimeOffset? FirstAttemptAt { get; set; }

    public JsonObject Arguments { get; set; } = [];

    public JsonObject StepJson { get; set; } = [];

    /// <summary>The current attempt's log, once the logging middleware opened it.</summary>
    public IStepLog? Log { get; set; }

    public string? CacheKey { get; set; }

    public string? CacheHitSourceExecutionId { get; set; }

    /// <summary>
    /// Set by recovery: the previous attempt was interrupted by a restart. The retry middleware decides from the
    /// step's policies whether a fresh attempt runs or the step fails with this result.
    /// </summary>
    public StepResult? InterruptedAttempt { get; init; }

    /// <summary>
    /// The step's state changes not stored yet: sent to the store together by <see cref="FlushAsync"/> (or the next
    /// <see cref="SaveRecordAsync"/>) and announced once stored.
    /// </summary>
    public RunStateBatch Changes => _changes ??= State.Batch();

    /// <summary>Keeps the record as <see cref="Record"/>; stored and announced at the next flush.</summary>
    public void QueueRecord(StepRecord record)
    {
        Record = record;
        Changes.SaveStep(record);
    }

    /// <summary>Saves the record (store first, then event) after the changes queued before it, and keeps it as <see cref="Record"/>.</summary>
    public Task SaveRecordAsync(StepRecord record)
    {
        QueueRecord(record);
        return FlushAsync();
    }

    /// <summary>Stores the queued changes, waits until they are stored, then announces them in order.</summary>
    public Task FlushAsync() => _changes?.FlushAsync() ?? Task.CompletedTask;
}
