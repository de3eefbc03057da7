namespace PageResponse;

/// <summary>
/// Follows a running sweep through the REST API once a second (as the sweep's group page would), so the samplers can
/// pick an execution that is running right now, and says when the sweep has finished.
/// </summary>
public sealed class SweepTracker : IAsyncDisposable
{
    private readonly StudioServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _polling;
    private SweepState? _latest;
    private int _turn;

    private SweepTracker(StudioServer server, string id)
    {
        _server = server;
        Id = id;
        _polling = PollAsync();
    }

    public string Id { get; }

    public SweepState? Latest => Volatile.Read(ref _latest);

    /// <summary>Completes when every member has finished.</summary>
    public Task Finished => _finished.Task;

    public bool IsFinished => _finished.Task.IsCompleted;

    public static async Task<SweepTracker> StartAsync(StudioServer server, int count, int concurrency, double stepSeconds)
    {
        var id = await server.StartSweepAsync(
            BenchPipeline.Name, count, concurrency,
            new Dictionary<string, string> { ["StepSeconds"] = stepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new SweepTracker(server, id);
    }

    /// <summary>Waits until at least one member runs (the first poll after the start may see none yet).</summary>
    public async Task WaitForRunningAsync()
    {
        while (Latest is not { Running.Count: > 0 } && !IsFinished)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>A running execution, a different one each call (round robin); a finished one when none runs.</summary>
    public string? NextExecution()
    {
        if (Latest is not { } state)
        {
            return null;
        }

        var pool = state.Running.Count > 0 ? state.Running : state.Done;
        return pool.Count == 0 ? null : pool[Interlocked.Increment(ref _turn) % pool.Count];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    private async Task PollAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var state = await _server.GetSweepAsync(Id);
                Volatile.Write(ref _latest, state);
                if (state.IsFinished)
                {
                    _finished.TrySetResult();
                }

                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (Exception ex)
        {
            _finished.TrySetException(ex);
        }
    }
}
