using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Stores;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class RunStoreWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    /// <summary>Holds the writer inside a batch until released, so that the writes queued meanwhile form the next batch.</summary>
    private sealed class GateWrite : RunStoreWrite
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public override string Describe() => "gate";

        public override void Apply(RunStoreCommands commands)
        {
            Entered.Set();
            Release.Wait(Patience);
        }
    }

    private async Task<(RunStoreWriter Writer, GateWrite Gate, Task GateDone)> HeldWriterAsync()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["A", "B"]);
        var writer = new RunStoreWriter(() => $"Data Source={_studio.DatabasePath}");
        var gate = new GateWrite();
        var gateDone = writer.EnqueueAsync(gate);
        Assert.True(gate.Entered.Wait(Patience));
        return (writer, gate, gateDone);
    }

    [Fact]
    public async Task WriteBatch_OneWriteOfABatchBreaksAConstraint_OnlyThatWriteFails()
    {
        var (writer, gate, gateDone) = await HeldWriterAsync();
        var good = writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Succeeded)));
        var bad = writer.EnqueueAsync(new SaveStepWrite(Runs.Step("ghost", "A", StepStatus.Succeeded)));
        var alsoGood = writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "B", StepStatus.Failed)));

        gate.Release.Set();

        await gateDone;
        await good;
        await alsoGood;
        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => bad);
        Assert.Contains("Step 'A' of execution 'ghost' was not saved", error.Message, StringComparison.Ordinal);
        Assert.Equal("Succeeded,Failed", await ScalarAsync("SELECT group_concat(Status) FROM (SELECT Status FROM StepRuns ORDER BY Ordinal);"));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_WhileABatchIsHeld_CommitsItAndEverythingQueuedAfter()
    {
        var (writer, gate, gateDone) = await HeldWriterAsync();
        var queued = Enumerable.Range(0, 50).Select(i => writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", $"S{i}")))).ToList();

        var disposing = writer.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        gate.Release.Set();
        await disposing;

        Assert.True(gateDone.IsCompletedSuccessfully);
        Assert.All(queued, q => Assert.True(q.IsCompletedSuccessfully));
        Assert.Equal("52", await ScalarAsync("SELECT count(*) FROM StepRuns;"));
        // EnqueueAsync refuses synchronously, before any task exists.
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "late"))); });
    }

    [Fact]
    public async Task WriteBatch_SameStepAndAttemptSavedSeveralTimes_EveryWriteCompletesAndTheLastValuesAreStored()
    {
        var (writer, gate, gateDone) = await HeldWriterAsync();
        var started = Runs.T0.AddSeconds(1);
        var attempt = new AttemptRecord("x1", "A", 1, StepStatus.Executing, started);
        var writes = new[]
        {
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Starting) with { StartedAt = started })),
            writer.EnqueueAsync(new SaveAttemptWrite(attempt)),
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Executing) with { StartedAt = started, AttemptCount = 1 })),
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "B", StepStatus.Starting))),
            writer.EnqueueAsync(new SaveAttemptWrite(attempt with { Status = StepStatus.Failed, EndedAt = started, FailureKind = "Step.SERVICE_FAULT" })),
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Failed) with { StartedAt = started, AttemptCount = 1, FailureReason = "boom" })),
        };

        gate.Release.Set();

        await gateDone;
        await Task.WhenAll(writes);
        Assert.Equal("A:Failed:1:boom,B:Starting:0:", await ScalarAsync(
            "SELECT group_concat(StepName || ':' || Status || ':' || AttemptCount || ':' || coalesce(FailureReason, ''), ',') FROM (SELECT * FROM StepRuns ORDER BY Ordinal);"));
        Assert.Equal("1:Failed:Step.SERVICE_FAULT", await ScalarAsync(
            "SELECT group_concat(Attempt || ':' || Status || ':' || FailureKind) FROM StepAttempts;"));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task WriteBatch_NewStepSavedTwiceAroundAnotherNewStep_KeepsTheOrderTheyWereFirstSavedIn()
    {
        var (writer, gate, gateDone) = await HeldWriterAsync();
        var writes = new[]
        {
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "Late1"))),
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "Late2"))),
            writer.EnqueueAsync(new SaveStepWrite(Runs.Step("x1", "Late1", StepStatus.Succeeded))),
        };

        gate.Release.Set();

        await gateDone;
        await Task.WhenAll(writes);
        Assert.Equal("A:Pending,B:Pending,Late1:Succeeded,Late2:Pending", await ScalarAsync(
            "SELECT group_concat(StepName || ':' || Status, ',') FROM (SELECT * FROM StepRuns ORDER BY Ordinal);"));
        await writer.DisposeAsync();
    }

    [Fact]
    public void Coalesce_RepeatedRows_KeepsTheLastValuesAtTheFirstPosition()
    {
        var starting = new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Starting));
        var attemptStart = new SaveAttemptWrite(new AttemptRecord("x1", "A", 1, StepStatus.Executing, Runs.T0));
        var other = new SaveStepWrite(Runs.Step("x1", "B", StepStatus.Starting));
        var executing = new SaveStepWrite(Runs.Step("x1", "A", StepStatus.Executing));
        var secondAttempt = new SaveAttemptWrite(new AttemptRecord("x1", "A", 2, StepStatus.Executing, Runs.T0));
        var attemptEnd = new SaveAttemptWrite(new AttemptRecord("x1", "A", 1, StepStatus.Failed, Runs.T0, Runs.T0));
        var execution = new SaveExecutionWrite(Runs.Execution("x1"));

        var applied = RunStoreWrite.Coalesce([starting, attemptStart, other, executing, secondAttempt, attemptEnd, execution]);

        Assert.Equal<RunStoreWrite>([executing, attemptEnd, other, secondAttempt, execution], applied);
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_studio.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
