using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// State changes collected, then sent to the store together by <see cref="FlushAsync"/> and announced, in the order
/// they were added, once every one of them is stored. One wait covers several writes: a step adds Starting, its
/// attempt and Executing and waits once for the three. Sent back to back, they normally share one transaction of the
/// store's group commit, which then writes the step's row once.
/// </summary>
/// <remarks>Not thread-safe: one batch belongs to one flow (a step's run, the coordinator's loop).</remarks>
public sealed class RunStateBatch(RunStatePublisher publisher)
{
    private List<object> _pending = [];

    /// <summary>Whether no change waits to be stored.</summary>
    public bool IsEmpty => _pending.Count == 0;

    public void SaveStep(StepRecord step) => _pending.Add(step);

    public void SaveAttempt(AttemptRecord attempt) => _pending.Add(attempt);

    /// <summary>Takes over the changes another batch has not stored yet, after this batch's own.</summary>
    public void Append(RunStateBatch other)
    {
        _pending.AddRange(other._pending);
        other._pending.Clear();
    }

    /// <summary>
    /// Sends the changes added so far to the store, waits until every one is stored, then announces them in order.
    /// When a write failed, the changes before it are announced and its error is thrown; the ones after it are not.
    /// </summary>
    public async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        publisher.ThrowIfFrozen();
        var changes = _pending;
        _pending = [];
        var store = publisher.Store;
        var stored = new Task[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            stored[i] = changes[i] is StepRecord step
                ? store.SaveStepAsync(step, CancellationToken.None)
                : store.SaveAttemptAsync((AttemptRecord)changes[i], CancellationToken.None);
        }

        // The store commits writes in the order they were queued, so once the last is stored the others usually are
        // too and the awaits below finish without another thread hop.
        await stored[^1].ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var failed = -1;
        for (var i = 0; i < stored.Length; i++)
        {
            await stored[i].ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!stored[i].IsCompletedSuccessfully)
            {
                _ = stored[i].Exception; // observed: only the first failure is thrown
                failed = failed < 0 ? i : failed;
            }
        }

        var announced = failed < 0 ? changes.Count : failed;
        for (var i = 0; i < announced; i++)
        {
            if (changes[i] is StepRecord step)
            {
                publisher.AnnounceStep(step);
            }
            else
            {
                publisher.AnnounceAttempt((AttemptRecord)changes[i]);
            }
        }

        if (failed >= 0)
        {
            await stored[failed].ConfigureAwait(false);
        }
    }
}
