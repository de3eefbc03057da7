using System.Collections.Concurrent;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// The one way the engine changes run state: every change is awaited in the store first and only then
/// announced, so a listener never sees a state a crash could take back.
/// </summary>
public sealed class RunStatePublisher(IRunStore store, IRunEventHub hub, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private volatile bool _frozen;

    public IRunStore Store => store;

    public TimeProvider Time => time;

    /// <summary>Whether the engine is shutting down (see <see cref="Freeze"/>).</summary>
    public bool IsFrozen => _frozen;

    /// <summary>From now on every change is refused with <see cref="EngineShutdownException"/>; used at shutdown.</summary>
    public void Freeze() => _frozen = true;

    public async Task CreateExecutionAsync(ExecutionRecord execution, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken = default)
    {
        ThrowIfFrozen();
        await store.CreateExecutionAsync(execution, steps, cancellationToken).ConfigureAwait(false);
        hub.Publish(new ExecutionChanged(execution, NextSequence(execution.Id), time.GetUtcNow()));
    }

    public async Task SaveExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken = default)
    {
        ThrowIfFrozen();
        await store.SaveExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        hub.Publish(new ExecutionChanged(execution, NextSequence(execution.Id), time.GetUtcNow()));
    }

    public async Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken = default)
    {
        ThrowIfFrozen();
        await store.SaveStepAsync(step, cancellationToken).ConfigureAwait(false);
        AnnounceStep(step);
    }

    public async Task SaveAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default)
    {
        ThrowIfFrozen();
        await store.SaveAttemptAsync(attempt, cancellationToken).ConfigureAwait(false);
        AnnounceAttempt(attempt);
    }

    /// <summary>Several changes stored at once and announced together once stored (see <see cref="RunStateBatch"/>).</summary>
    public RunStateBatch Batch() => new(this);

    /// <summary>Log lines are not stored here (they go to the log file), so they are announced at once.</summary>
    public void PublishLogLine(string executionId, string stepName, int attempt, string line) =>
        hub.Publish(new LogLineAppended(executionId, stepName, attempt, line, NextSequence(executionId), time.GetUtcNow()));

    /// <summary>Refuses every change once frozen; batches call it before they store anything.</summary>
    internal void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new EngineShutdownException();
        }
    }

    /// <summary>Announces a step state the caller has already stored.</summary>
    internal void AnnounceStep(StepRecord step) =>
        hub.Publish(new StepChanged(step, NextSequence(step.ExecutionId), time.GetUtcNow()));

    /// <summary>Announces an attempt state the caller has already stored.</summary>
    internal void AnnounceAttempt(AttemptRecord attempt) =>
        hub.Publish(new AttemptChanged(attempt, NextSequence(attempt.ExecutionId), time.GetUtcNow()));

    private long NextSequence(string executionId) => _sequences.AddOrUpdate(executionId, 1, (_, n) => n + 1);
}
