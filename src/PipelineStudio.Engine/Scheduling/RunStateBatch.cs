using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// State changes sent to the store as soon as they are added, announced together by <see cref="FlushAsync"/> once
/// every one of them is stored, in the order they were added. One wait covers several writes: a step queues its
/// Starting state, evaluates its arguments while the store commits, then adds its attempt and Executing and waits
/// once for the three; the store's group commit usually puts them in one transaction.
/// </summary>
/// <remarks>Not thread-safe: one batch belongs to one flow (a step's run, the coordinator's loop).</remarks>
public sealed class RunStateBatch(RunStatePublisher publisher)
{
    private List<Change> _pending = [];

    /// <summary>Whether changes wait to be announced.</summary>
    public bool IsEmpty => _pending.Count == 0;

    public void SaveStep(StepRecord step) =>
        _pending.Add(new Change(publisher.Store.SaveStepAsync(step, CancellationToken.None), step, null));

    public void SaveAttempt(AttemptRecord attempt) =>
        _pending.Add(new Change(publisher.Store.SaveAttemptAsync(attempt, CancellationToken.None), null, attempt));

    /// <summary>
    /// Waits until every change added so far is stored, then announces them in order. When a write failed, the
    /// changes before it are announced and its error is thrown; the ones after it are not announced.
    /// </summary>
    public async Task FlushAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var pending = _pending;
        _pending = [];
        // The store commits writes in the order they were queued, so once the last is stored the others are too and
        // the awaits below finish without another thread hop. Its failure, if any, is rethrown in order below.
        await ((Task)pending[^1].Stored).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        for (var i = 0; i < pending.Count; i++)
        {
            var change = pending[i];
            try
            {
                await change.Stored.ConfigureAwait(false);
            }
            catch
            {
                for (var j = i + 1; j < pending.Count; j++)
                {
                    // Observe the rest so a second failure is not reported as unobserved.
                    _ = pending[j].Stored.Exception;
                }

                throw;
            }

            if (change.Step is { } step)
            {
                publisher.AnnounceStep(step);
            }
            else
            {
                publisher.AnnounceAttempt(change.Attempt!);
            }
        }
    }

    private readonly record struct Change(Task Stored, StepRecord? Step, AttemptRecord? Attempt);
}
