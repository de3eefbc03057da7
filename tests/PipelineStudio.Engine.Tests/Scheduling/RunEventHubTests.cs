using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class RunEventHubTests
{
    private static ExecutionChanged Event(string id, long sequence) =>
        new(new ExecutionRecord(id, "p", 1, ExecutionStatus.Executing, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch), sequence, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Publish_AfterDispose_ListenerNotCalled()
    {
        var hub = new RunEventHub();
        var received = new List<long>();
        var subscription = hub.Subscribe("e1", e => { received.Add(e.Sequence); return ValueTask.CompletedTask; });

        hub.Publish(Event("e1", 1));
        subscription.Dispose();
        hub.Publish(Event("e1", 2));

        Assert.Equal([1L], received);
        Assert.Equal(0, hub.ListenerCount("e1"));
    }

    [Fact]
    public void Publish_PerExecutionAndGlobal_EachGetsWhatItAskedFor()
    {
        var hub = new RunEventHub();
        var one = new List<string>();
        var all = new List<string>();
        using var a = hub.Subscribe("e1", e => { one.Add(e.ExecutionId); return ValueTask.CompletedTask; });
        using var b = hub.Subscribe(null, e => { all.Add(e.ExecutionId); return ValueTask.CompletedTask; });

        hub.Publish(Event("e1", 1));
        hub.Publish(Event("e2", 1));

        Assert.Equal(["e1"], one);
        Assert.Equal(["e1", "e2"], all);
    }

    [Fact]
    public void Publish_ListenerThrows_OthersStillCalledAndItStaysSubscribed()
    {
        var hub = new RunEventHub();
        var calls = 0;
        using var bad = hub.Subscribe("e1", _ => throw new InvalidOperationException("broken page"));
        using var good = hub.Subscribe("e1", _ => { calls++; return ValueTask.CompletedTask; });

        hub.Publish(Event("e1", 1));
        hub.Publish(Event("e1", 2));

        Assert.Equal(2, calls);
        Assert.Equal(2, hub.ListenerCount("e1"));
    }
}
