using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Sweeps;

/// <summary>
/// The real local engine running a one-step pipeline whose step does what its <c>Mode</c> parameter says:
/// "fail" fails at once, anything else waits for the test to <see cref="Release"/> it (or for a stop).
/// A hub listener counts how many executions are unfinished at once.
/// </summary>
internal sealed class SweepHarness : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(0);
    private readonly ConcurrentDictionary<string, byte> _unfinished = new(StringComparer.Ordinal);
    private readonly IDisposable _counter;
    private int _maxUnfinished;

    public SweepHarness(IRunEventHub? runnerHub = null, TimeSpan? pollInterval = null)
    {
        Engine.Executor.On("Work", async (context, cancellationToken) =>
        {
            if (context.Arguments["Mode"]?.GetValue<string>() == "fail")
            {
                return StepResult.Failure("Mode says fail");
            }

            await _gate.WaitAsync(cancellationToken);
            return StepResult.Success(new JsonObject { ["ProcessingJobName"] = "work" });
        });
        _counter = Engine.Hub.Subscribe(null, Count);
        Runner = new SweepRunner(
            Engine.Backend, Engine.Store, runnerHub ?? Engine.Hub, Sweeps, TimeProvider.System,
            new SweepRunnerOptions { PollInterval = pollInterval ?? TimeSpan.FromSeconds(30), OnError = (m, e) => Errors.Add($"{m} {e}") });
    }

    public EngineHarness Engine { get; } = new();

    public InMemorySweepStore Sweeps { get; } = new();

    public SweepRunner Runner { get; }

    public ConcurrentBag<string> Errors { get; } = [];

    /// <summary>The most executions that were started and not yet finished at one moment, as the hub told it.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxUnfinished);

    public int Unfinished => _unfinished.Count;

    public Task SavePipelineAsync() => Engine.SaveAsync(Defs.PipelineWith(
        [Defs.Parameter("Mode", "String", "ok")],
        Defs.Step("Work", new JsonObject { ["Mode"] = Defs.Get("Parameters.Mode") })));

    public Task<SweepRecord> StartAsync(IEnumerable<string> modes, int concurrency, bool failFast)
    {
        var members = modes.Select(m => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Mode"] = m }).ToList();
        var spec = new SweepSpec(SweepMode.Grid, [new SweepAxis("Mode", members.Select(m => m["Mode"]).ToList())], new Dictionary<string, string>());
        return Runner.StartAsync(new SweepLaunch(EngineHarness.PipelineName, 1, spec, members, concurrency, failFast, "tester"));
    }

    /// <summary>Lets one waiting step (or the next to wait) succeed.</summary>
    public void Release(int count = 1) => _gate.Release(count);

    public async Task<SweepRecord> WaitAsync(string sweepId) =>
        (await Runner.WaitForCompletionAsync(sweepId).WaitAsync(TimeSpan.FromSeconds(20)))!;

    public Task<IReadOnlyList<SweepMemberRecord>> MembersAsync(string sweepId) => Sweeps.ListMembersAsync(sweepId);

    /// <summary>Waits (bounded) until the condition holds; fails the test with <paramref name="what"/> otherwise.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _counter.Dispose();
        await Runner.DisposeAsync();
        _gate.Release(1000);
        Engine.Dispose();
    }

    private ValueTask Count(RunEvent runEvent)
    {
        if (runEvent is ExecutionChanged { Execution: var execution })
        {
            if (execution.Status.IsFinished())
            {
                _unfinished.TryRemove(execution.Id, out _);
            }
            else if (_unfinished.TryAdd(execution.Id, 0))
            {
                var now = _unfinished.Count;
                int seen;
                while (now > (seen = Volatile.Read(ref _maxUnfinished)) && Interlocked.CompareExchange(ref _maxUnfinished, now, seen) != seen)
                {
                }
            }
        }

        return ValueTask.CompletedTask;
    }
}
