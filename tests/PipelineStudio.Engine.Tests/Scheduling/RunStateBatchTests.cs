using System.Reflection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.TestSupport.Fakes;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class RunStateBatchTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Flush_SeveralChanges_StoredOnlyAtTheFlushAndEachStoredBeforeAnyIsAnnounced()
    {
        var store = new InMemoryRunStore { WriteDelay = TimeSpan.FromMilliseconds(20) };
        var hub = new RunEventHub();
        var announced = new List<(RunEvent Event, bool AllStored)>();
        var starting = Step(StepStatus.Starting);
        var attempt = new AttemptRecord("x1", "A", 1, StepStatus.Executing, Now);
        var executing = Step(StepStatus.Executing);
        using var subscription = hub.Subscribe("x1", e =>
        {
            announced.Add((e, store.HasWritten(starting) && store.HasWritten(attempt) && store.HasWritten(executing)));
            return ValueTask.CompletedTask;
        });
        var batch = new RunStatePublisher(store, hub, TimeProvider.System).Batch();

        batch.SaveStep(starting);
        batch.SaveAttempt(attempt);
        batch.SaveStep(executing);
        Assert.Empty(store.Writes);
        await batch.FlushAsync();

        Assert.Equal([starting, attempt, executing], announced.Select(a => a.Event switch
        {
            StepChanged changed => (object)changed.Step,
            AttemptChanged changed => changed.Attempt,
            _ => a.Event,
        }));
        Assert.All(announced, a => Assert.True(a.AllStored));
        Assert.Equal([1L, 2L, 3L], announced.Select(a => a.Event.Sequence));
        Assert.True(batch.IsEmpty);
    }

    [Fact]
    public async Task Flush_OneWriteFails_AnnouncesTheChangesBeforeItAndThrowsItsError()
    {
        var store = FailingStore.Wrap(new InMemoryRunStore(), failAttempts: true);
        var hub = new RunEventHub();
        var announced = new List<RunEvent>();
        using var subscription = hub.Subscribe("x1", e =>
        {
            announced.Add(e);
            return ValueTask.CompletedTask;
        });
        var batch = new RunStatePublisher(store, hub, TimeProvider.System).Batch();
        var starting = Step(StepStatus.Starting);

        batch.SaveStep(starting);
        batch.SaveAttempt(new AttemptRecord("x1", "A", 1, StepStatus.Executing, Now));
        batch.SaveStep(Step(StepStatus.Executing));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(batch.FlushAsync);

        Assert.Equal("attempts are broken", error.Message);
        Assert.Equal([starting], announced.OfType<StepChanged>().Select(s => s.Step));
        Assert.DoesNotContain(announced, e => e is AttemptChanged);
    }

    [Fact]
    public async Task Flush_AfterAFlush_AnnouncesOnlyTheNewChanges()
    {
        var hub = new RunEventHub();
        var announced = new List<RunEvent>();
        using var subscription = hub.Subscribe("x1", e =>
        {
            announced.Add(e);
            return ValueTask.CompletedTask;
        });
        var batch = new RunStatePublisher(new InMemoryRunStore(), hub, TimeProvider.System).Batch();

        batch.SaveStep(Step(StepStatus.Starting));
        await batch.FlushAsync();
        await batch.FlushAsync();
        batch.SaveStep(Step(StepStatus.Succeeded));
        await batch.FlushAsync();

        Assert.Equal([StepStatus.Starting, StepStatus.Succeeded], announced.OfType<StepChanged>().Select(s => s.Step.Status));
    }

    private static StepRecord Step(StepStatus status) => new("x1", "A", "Processing", status, QueuedAt: Now);

    /// <summary>Passes every call to the inner store, except that attempt writes fail (whatever IRunStore grows to hold).</summary>
    public class FailingStore : DispatchProxy
    {
        private IRunStore _inner = null!;
        private bool _failAttempts;

        public static IRunStore Wrap(IRunStore inner, bool failAttempts)
        {
            var proxy = Create<IRunStore, FailingStore>();
            var failing = (FailingStore)(object)proxy;
            failing._inner = inner;
            failing._failAttempts = failAttempts;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (_failAttempts && targetMethod?.Name == nameof(IRunStore.SaveAttemptAsync))
            {
                return Task.FromException(new InvalidOperationException("attempts are broken"));
            }

            return targetMethod!.Invoke(_inner, args);
        }
    }
}
