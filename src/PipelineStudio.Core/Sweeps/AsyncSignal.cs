namespace PipelineStudio.Core.Sweeps;

/// <summary>
/// A wake-up that is remembered: a <see cref="Set"/> that comes before the wait ends the next wait at once,
/// so a signal sent while the waiter was busy is never lost.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _signal = New();

    public void Set()
    {
        lock (_gate)
        {
            _signal.TrySetResult();
        }
    }

    /// <summary>Returns when signalled or after <paramref name="timeout"/>, whichever comes first; then re-arms.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signalled;
        lock (_gate)
        {
            signalled = _signal.Task;
        }

        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, delayCancellation.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await delayCancellation.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Re-arm before the caller looks at the state again: a Set from now on is kept for the next wait.
        lock (_gate)
        {
            if (_signal.Task.IsCompleted)
            {
                _signal = New();
            }
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
