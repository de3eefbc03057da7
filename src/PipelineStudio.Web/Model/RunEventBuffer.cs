using System.Collections.Concurrent;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// Collects run events from the hub on the engine's threads so a page can apply them in batches on its own
/// schedule (a render every half second instead of one per event). Dispose to unsubscribe.
/// </summary>
public sealed class RunEventBuffer : IDisposable
{
    private readonly ConcurrentQueue<RunEvent> _events = new();
    private readonly IDisposable _subscription;

    /// <summary>Listens to one execution, or to every execution when <paramref name="executionId"/> is null.</summary>
    public RunEventBuffer(IRunEventHub hub, string? executionId = null, Func<RunEvent, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        _subscription = hub.Subscribe(executionId, e =>
        {
            // Log lines are the bulk of the traffic and no list shows them: drop them here, on the engine's thread.
            if (e is not LogLineAppended && (keep is null || keep(e)))
            {
                _events.Enqueue(e);
            }

            return ValueTask.CompletedTask;
        });
    }

    public bool HasEvents => !_events.IsEmpty;

    /// <summary>Everything received since the last call, in arrival order.</summary>
    public IReadOnlyList<RunEvent> Drain()
    {
        var drained = new List<RunEvent>();
        while (_events.TryDequeue(out var e))
        {
            drained.Add(e);
        }

        return drained;
    }

    public void Dispose() => _subscription.Dispose();
}
