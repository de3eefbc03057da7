using System.Collections.Concurrent;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class EventOrderTests
{
    [Fact]
    public async Task Run_EveryAnnouncedState_WasStoredBeforeItsEvent()
    {
        using var engine = new EngineHarness();
        engine.Store.WriteDelay = TimeSpan.FromMilliseconds(3);
        var unstored = new ConcurrentBag<RunEvent>();
        var seen = 0;
        using var subscription = engine.Hub.Subscribe(null, e =>
        {
            Interlocked.Increment(ref seen);
            object? record = e switch
            {
                ExecutionChanged x => x.Execution,
                StepChanged x => x.Step,
                AttemptChanged x => x.Attempt,
                _ => null,
            };
            if (record is not null && !engine.Store.HasWritten(record))
            {
                unstored.Add(e);
            }

            return ValueTask.CompletedTask;
        });

        var result = await engine.RunAsync(Defs.Pipeline(Defs.Step("A"), Defs.Step("B", null, "A")));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(seen > 8, $"only {seen} events");
        Assert.Empty(unstored);
    }
}
