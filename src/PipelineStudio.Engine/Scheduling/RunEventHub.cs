using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// In-process fan-out of run events. Listeners of one execution and global listeners are called in order of
/// subscription; a listener that throws is logged and stays subscribed, so one broken page never starves the others.
/// </summary>
public sealed class RunEventHub(ILogger<RunEventHub>? logger = null) : IRunEventHub
{
    private const string AllExecutions = "";
    private readonly ILogger _logger = logger ?? NullLogger<RunEventHub>.Instance;
    private readonly ConcurrentDictionary<string, ImmutableListenerSet> _listeners = new(StringComparer.Ordinal);

    public void Publish(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        Notify(runEvent.ExecutionId, runEvent);
        Notify(AllExecutions, runEvent);
    }

    public IDisposable Subscribe(string? executionId, Func<RunEvent, ValueTask> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var key = executionId ?? AllExecutions;
        var subscription = new Subscription(this, key, listener);
        _listeners.AddOrUpdate(key, _ => new ImmutableListenerSet([subscription]), (_, set) => set.With(subscription));
        return subscription;
    }

    /// <summary>How many listeners one execution (or, for null, the global list) has; for diagnostics and tests.</summary>
    public int ListenerCount(string? executionId) =>
        _listeners.TryGetValue(executionId ?? AllExecutions, out var set) ? set.Items.Count : 0;

    private void Unsubscribe(Subscription subscription)
    {
        while (_listeners.TryGetValue(subscription.Key, out var set))
        {
            var remaining = set.Without(subscription);
            var done = remaining.Items.Count == 0
                ? _listeners.TryRemove(new KeyValuePair<string, ImmutableListenerSet>(subscription.Key, set))
                : _listeners.TryUpdate(subscription.Key, remaining, set);
            if (done)
            {
                return;
            }
        }
    }

    private void Notify(string key, RunEvent runEvent)
    {
        if (!_listeners.TryGetValue(key, out var set))
        {
            return;
        }

        foreach (var subscription in set.Items)
        {
            try
            {
                var pending = subscription.Listener(runEvent);
                if (!pending.IsCompletedSuccessfully)
                {
                    _ = ObserveAsync(pending, runEvent);
                }
            }
            catch (Exception ex)
            {
                LogListenerFailure(ex, runEvent);
            }
        }
    }

    private async Task ObserveAsync(ValueTask pending, RunEvent runEvent)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogListenerFailure(ex, runEvent);
        }
    }

    private void LogListenerFailure(Exception ex, RunEvent runEvent) =>
        _logger.LogWarning(ex, "A run event listener failed on {EventType} of execution {ExecutionId}.", runEvent.GetType().Name, runEvent.ExecutionId);

    private sealed record ImmutableListenerSet(IReadOnlyList<Subscription> Items)
    {
        public ImmutableListenerSet With(Subscription subscription) => new([.. Items, subscription]);

        public ImmutableListenerSet Without(Subscription subscription) => new(Items.Where(s => !ReferenceEquals(s, subscription)).ToList());
    }

    private sealed class Subscription(RunEventHub hub, string key, Func<RunEvent, ValueTask> listener) : IDisposable
    {
        private int _disposed;

        public string Key { get; } = key;

        public Func<RunEvent, ValueTask> Listener { get; } = listener;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Unsubscribe(this);
            }
        }
    }
}
