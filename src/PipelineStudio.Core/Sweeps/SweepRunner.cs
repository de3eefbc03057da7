using System.Collections.Concurrent;
using System.Security.Cryptography;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Core.Sweeps;

/// <summary>
/// Runs sweeps: starts each member's execution through <see cref="IExecutionBackend"/> with at most the sweep's
/// concurrency running at once, starts the next when one finishes, and with fail-fast stops the rest when one
/// fails. State goes to <see cref="ISweepStore"/> first and is then announced to subscribers. One background loop
/// per running sweep; <see cref="ResumeAsync"/> picks up sweeps a restart interrupted.
/// </summary>
public sealed class SweepRunner(
    IExecutionBackend backend,
    IRunStore runs,
    IRunEventHub hub,
    ISweepStore store,
    TimeProvider time,
    SweepRunnerOptions? options = null) : IAsyncDisposable
{
    public const int MaxConcurrency = 100;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string AllSweeps = "";

    private readonly SweepRunnerOptions _options = options ?? new SweepRunnerOptions();
    private readonly ConcurrentDictionary<string, SweepSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableList> _listeners = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _shutdown = new();
    private int _disposed;

    internal IExecutionBackend Backend => backend;

    internal IRunStore Runs => runs;

    internal IRunEventHub Hub => hub;

    internal ISweepStore Store => store;

    internal TimeProvider Time => time;

    internal SweepRunnerOptions Options => _options;

    /// <summary>Stores the sweep with every member Pending and starts running it in the background.</summary>
    /// <exception cref="SweepRefusedException">No members, too many, or a concurrency outside 1..<see cref="MaxConcurrency"/>.</exception>
    public async Task<SweepRecord> StartAsync(SweepLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        if (launch.Members.Count == 0)
        {
            throw new SweepRefusedException("A sweep needs at least one execution.");
        }

        if (launch.Members.Count > SweepPlanner.DefaultMaxSize)
        {
            throw new SweepRefusedException($"A sweep runs at most {SweepPlanner.DefaultMaxSize:N0} executions; this one has {launch.Members.Count:N0}.");
        }

        if (launch.Concurrency is < 1 or > MaxConcurrency)
        {
            throw new SweepRefusedException($"Concurrency must be between 1 and {MaxConcurrency}; it is {launch.Concurrency}.");
        }

        var id = RandomNumberGenerator.GetString(IdAlphabet, 12);
        var sweep = new SweepRecord(
            id, launch.PipelineName, launch.PipelineVersion, launch.Spec.Mode, SweepSpecJson.Serialize(launch.Spec),
            launch.Concurrency, launch.FailFast, SweepStatus.Running, time.GetUtcNow(), launch.CreatedBy,
            DisplayName: string.IsNullOrWhiteSpace(launch.DisplayName) ? null : launch.DisplayName.Trim());
        var members = launch.Members
            .Select((parameters, index) => new SweepMemberRecord(id, index, new Dictionary<string, string>(parameters, StringComparer.Ordinal), SweepMemberState.Pending))
            .ToList();
        await store.CreateAsync(sweep, members, cancellationToken).ConfigureAwait(false);
        Notify(id);
        Run(new SweepSession(this, sweep, members));
        return sweep;
    }

    /// <summary>Asks a sweep to stop: running members are stopped, waiting ones never start. False when there is no such sweep.</summary>
    public async Task<bool> StopAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        if (_sessions.TryGetValue(sweepId, out var session))
        {
            session.RequestStop();
            return true;
        }

        var sweep = await store.GetAsync(sweepId, cancellationToken).ConfigureAwait(false);
        if (sweep is null)
        {
            return false;
        }

        if (sweep.Status == SweepStatus.Running)
        {
            // Unfinished but not running here (a restart before resume): run it just long enough to stop it.
            var members = await store.ListMembersAsync(sweepId, cancellationToken).ConfigureAwait(false);
            var resumed = new SweepSession(this, sweep, members);
            resumed.RequestStop();
            Run(resumed);
        }

        return true;
    }

    /// <summary>Carries on every sweep the store still has Running (after a restart). Returns how many.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken = default)
    {
        var unfinished = await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        var resumed = 0;
        foreach (var sweep in unfinished.Where(s => !_sessions.ContainsKey(s.Id)))
        {
            var members = await store.ListMembersAsync(sweep.Id, cancellationToken).ConfigureAwait(false);
            Run(new SweepSession(this, sweep, members));
            resumed++;
        }

        return resumed;
    }

    /// <summary>The sweep once it has ended (at once when it is not running here); null when it does not exist.</summary>
    public async Task<SweepRecord?> WaitForCompletionAsync(string sweepId, CancellationToken cancellationToken = default) =>
        _sessions.TryGetValue(sweepId, out var session)
            ? await session.Completion.WaitAsync(cancellationToken).ConfigureAwait(false)
            : await store.GetAsync(sweepId, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether a sweep's loop runs in this process.</summary>
    public bool IsRunning(string sweepId) => _sessions.ContainsKey(sweepId);

    /// <summary>
    /// Calls <paramref name="listener"/> with the sweep's id after each stored change of the sweep or of a member;
    /// for every sweep when <paramref name="sweepId"/> is null. Dispose the result to stop listening.
    /// </summary>
    public IDisposable Subscribe(string? sweepId, Action<string> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var key = sweepId ?? AllSweeps;
        var subscription = new Subscription(this, key, listener);
        _listeners.AddOrUpdate(key, _ => new ImmutableList([subscription]), (_, list) => new ImmutableList([.. list.Items, subscription]));
        return subscription;
    }

    /// <summary>Ends the background loops without changing any sweep, so a restart resumes them.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sessions.Values.Select(s => s.Loop)).ConfigureAwait(false);
        _shutdown.Dispose();
    }

    internal void Notify(string sweepId)
    {
        foreach (var key in new[] { sweepId, AllSweeps })
        {
            if (!_listeners.TryGetValue(key, out var list))
            {
                continue;
            }

            foreach (var subscription in list.Items)
            {
                try
                {
                    subscription.Listener(sweepId);
                }
                catch (Exception ex)
                {
                    ReportError($"A listener of sweep {sweepId} failed.", ex);
                }
            }
        }
    }

    internal void ReportError(string message, Exception exception) => _options.OnError?.Invoke(message, exception);

    private void Run(SweepSession session)
    {
        if (!_sessions.TryAdd(session.SweepId, session))
        {
            return;
        }

        session.Loop = Task.Run(async () =>
        {
            try
            {
                await session.RunAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
                // Shutting down: the sweep stays Running in the store and resumes at the next start.
            }
            finally
            {
                _sessions.TryRemove(session.SweepId, out _);
            }
        });
    }

    private void Unsubscribe(Subscription subscription)
    {
        while (_listeners.TryGetValue(subscription.Key, out var list))
        {
            var remaining = new ImmutableList(list.Items.Where(s => !ReferenceEquals(s, subscription)).ToList());
            var done = remaining.Items.Count == 0
                ? _listeners.TryRemove(new KeyValuePair<string, ImmutableList>(subscription.Key, list))
                : _listeners.TryUpdate(subscription.Key, remaining, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed record ImmutableList(IReadOnlyList<Subscription> Items);

    private sealed class Subscription(SweepRunner runner, string key, Action<string> listener) : IDisposable
    {
        private int _disposed;

        public string Key { get; } = key;

        public Action<string> Listener { get; } = listener;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                runner.Unsubscribe(this);
            }
        }
    }
}
