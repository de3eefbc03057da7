using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class LiveRunFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RunEventHub _hub = new();
    private readonly List<IReadOnlyList<RunEvent>> _batches = [];

    [Fact]
    public void Publish_WhilePaused_WaitsForResume()
    {
        using var feed = Feed(paused: true);
        _hub.Publish(Line(1));
        _clock.Advance(Interval * 5);
        Assert.Empty(_batches);

        feed.Resume();

        Assert.Equal([1L], _batches.Single().Select(e => e.Sequence));
    }

    [Fact]
    public void Publish_BurstInsideOneInterval_ArrivesAsOneBatchAfterTheInterval()
    {
        using var feed = Feed();
        _hub.Publish(Line(1));
        Assert.Single(_batches);

        _hub.Publish(Line(2));
        _hub.Publish(Line(3));
        _clock.Advance(Interval / 2);
        Assert.Single(_batches);

        _clock.Advance(Interval / 2);
        Assert.Equal(2, _batches.Count);
        Assert.Equal([2L, 3L], _batches[1].Select(e => e.Sequence));
    }

    [Fact]
    public void Dispose_LeavesNoListenerAndDeliversNothingMore()
    {
        var feed = Feed();
        Assert.Equal(1, _hub.ListenerCount("exec1"));
        _hub.Publish(Line(1));
        _hub.Publish(Line(2));

        feed.Dispose();
        _hub.Publish(Line(3));
        _clock.Advance(Interval * 5);

        Assert.Equal(0, _hub.ListenerCount("exec1"));
        Assert.Equal([1L], _batches.SelectMany(b => b).Select(e => e.Sequence));
    }

    [Fact]
    public void Deliver_Throws_LaterEventsStillArrive()
    {
        var calls = 0;
        using var feed = new LiveRunFeed(_hub, "exec1", _clock, Interval, batch =>
        {
            calls++;
            return calls == 1 ? throw new InvalidOperationException("render failed") : Record(batch);
        }, NullLogger.Instance, paused: false);

        _hub.Publish(Line(1));
        _clock.Advance(Interval);
        _hub.Publish(Line(2));
        _clock.Advance(Interval);

        Assert.Equal([2L], _batches.Single().Select(e => e.Sequence));
    }

    [Fact]
    public void Publish_OtherExecution_IsNotDelivered()
    {
        using var feed = Feed();

        _hub.Publish(new LogLineAppended("other", "Step", 1, "x", 1, _clock.GetUtcNow()));
        _clock.Advance(Interval);

        Assert.Empty(_batches);
    }

    private LiveRunFeed Feed(bool paused = false) => new(_hub, "exec1", _clock, Interval, Record, NullLogger.Instance, paused);

    private Task Record(IReadOnlyList<RunEvent> batch)
    {
        _batches.Add(batch);
        return Task.CompletedTask;
    }

    private LogLineAppended Line(long sequence) => new("exec1", "Step", 1, $"line {sequence}", sequence, _clock.GetUtcNow());
}
