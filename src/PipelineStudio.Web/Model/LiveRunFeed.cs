using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// One page's subscription to an execution's run events. Events are collected as they come (on the engine's
/// threads) and handed over in batches at most once per <c>interval</c>, so a busy run re-renders a page a few
/// times a second instead of once per log line, while a lone change still arrives at once. Held back while
/// <see cref="IsPaused"/> (the page is still reading its snapshot). Disposing it unsubscribes from the hub.
/// </summary>
public sealed partial class LiveRunFeed : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RunEvent> _queue = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Func<IReadOnlyList<RunEvent>, Task> _deliver;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly IDisposable _subscription;
    private DateTimeOffset _lastDelivery = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _disposed;

    /// <param name="deliver">
    /// Gets each batch in arrival order, never two at once. A batch already on its way may still arrive while
    /// Dispose runs, so the receiver checks that it is still alive.
    /// </param>
    public LiveRunFeed(
        IRunEventHub hub, string executionId, TimeProvider time, TimeSpan interval,
        Func<IReadOnlyList<RunEvent>, Task> deliver, ILogger logger, bool paused = true)
    {
        _time = time;
        _interval = interval;
        _deliver = deliver;
        _logger = logger;
        IsPaused = paused;
        _timer = time.CreateTimer(_ => _ = DeliverAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _subscription = hub.Subscribe(executionId, OnEvent);
    }

    public bool IsPaused { get; private set; }

    /// <summary>Starts handing over events, including those that came while paused.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            IsPaused = false;
        }

        Schedule();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Clear();
        }

        _subscription.Dispose();
        _timer.Dispose();
    }

    private ValueTask OnEvent(RunEvent runEvent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _queue.Add(runEvent);
        }

        Schedule();
        return ValueTask.CompletedTask;
    }

    // The timer is set outside the lock: a timer that fires at once (a zero wait) may run the delivery on this thread.
    private void Schedule()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_disposed || IsPaused || _scheduled || _queue.Count == 0)
            {
                return;
            }

            _scheduled = true;
            wait = _lastDelivery + _interval - _time.GetUtcNow();
        }

        try
        {
            _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed in between: nothing more to deliver.
        }
    }

    private async Task DeliverAsync()
    {
        List<RunEvent> batch;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            batch = [.. _queue];
            _queue.Clear();
        }

        try
        {
            if (batch.Count > 0)
            {
                await _deliver(batch).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The page decides what a user sees; a failed render must not stop later updates.
            LogDeliveryFailed(_logger, ex, batch.Count);
        }
        finally
        {
            lock (_gate)
            {
                // Only now may the next batch go: deliveries never overlap, and events that came meanwhile wait their turn.
                _scheduled = false;
                _lastDelivery = _time.GetUtcNow();
            }

            Schedule();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {Count} run events to a page failed.")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, int count);
}
