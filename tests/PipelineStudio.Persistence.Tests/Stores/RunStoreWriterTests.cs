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

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_studio.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
