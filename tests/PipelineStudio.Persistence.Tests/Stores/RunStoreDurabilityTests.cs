using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class RunStoreDurabilityTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<long> CountAsync(string sql)
    {
        // A plain connection of its own: sees only what is committed to the file.
        await using var connection = new SqliteConnection($"Data Source={_studio.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task SaveStepAsync_Completed_VisibleToANewStoreOnTheSameFileAtOnce()
    {
        var writer = await _studio.OpenRunStoreAsync();
        await writer.CreateAsync("x1", steps: ["Train"]);

        await writer.SaveStepAsync(Runs.Step("x1", "Train", StepStatus.Succeeded));

        var reader = _studio.NewProvider().GetRequiredService<IRunStore>();
        Assert.NotSame(writer, reader);
        Assert.Equal(StepStatus.Succeeded, (await reader.ListStepsAsync("x1")).Single().Status);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM StepRuns WHERE Status = 'Succeeded';"));
    }

    [Fact]
    public async Task SaveStepAsync_TenThousandWritesFromEightTasks_AllLand()
    {
        var store = await _studio.OpenRunStoreAsync();
        const int Tasks = 8;
        const int StepsPerTask = 1250;
        for (var t = 0; t < Tasks; t++)
        {
            await store.CreateExecutionAsync(Runs.Execution($"x{t}"), []);
        }

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < StepsPerTask; i++)
            {
                await store.SaveStepAsync(Runs.Step($"x{t}", $"S{i:D4}", StepStatus.Succeeded));
            }
        })));

        Assert.Equal(10_000, await CountAsync("SELECT count(*) FROM StepRuns WHERE Status = 'Succeeded';"));
        var steps = await store.ListStepsAsync("x7");
        Assert.Equal(Enumerable.Range(0, StepsPerTask).Select(i => $"S{i:D4}"), steps.Select(s => s.StepName));
    }

    [Fact]
    public async Task DisposeAsync_WritesStillQueued_CommitsThemAll()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        var store = provider.GetRequiredService<IRunStore>();
        await store.CreateExecutionAsync(Runs.Execution("x1"), []);
        var pending = Enumerable.Range(0, 500).Select(i => store.SaveStepAsync(Runs.Step("x1", $"S{i}"))).ToList();

        await provider.DisposeAsync();

        Assert.All(pending, p => Assert.True(p.IsCompletedSuccessfully));
        Assert.Equal(500, await CountAsync("SELECT count(*) FROM StepRuns;"));
    }

    [Fact]
    public async Task SaveStepAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        var store = provider.GetRequiredService<IRunStore>();
        await store.CreateExecutionAsync(Runs.Execution("x1"), []);

        provider.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveStepAsync(Runs.Step("x1", "A")));
    }

    [Fact]
    public async Task SaveStepAsync_TwoStoresOnOneFileWritingAtOnce_BothLand()
    {
        // Two providers stand in for the web app and a CLI: two writers, two connections, one file.
        var webApp = await _studio.OpenRunStoreAsync();
        var cli = await _studio.OpenRunStoreAsync();
        await webApp.CreateExecutionAsync(Runs.Execution("web"), []);
        await cli.CreateExecutionAsync(Runs.Execution("cli"), []);

        await Task.WhenAll(
            Task.Run(async () => await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => webApp.SaveStepAsync(Runs.Step("web", $"S{i}"))))),
            Task.Run(async () => await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => cli.SaveStepAsync(Runs.Step("cli", $"S{i}"))))));

        Assert.Equal(2000, (await cli.ListStepsAsync("web")).Count);
        Assert.Equal(2000, (await webApp.ListStepsAsync("cli")).Count);
    }

    [Fact]
    public async Task SaveStepAsync_DatabaseNeverInitialized_FaultsWithStudioDatabaseException()
    {
        var store = _studio.NewProvider().GetRequiredService<IRunStore>();

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => store.SaveStepAsync(Runs.Step("x1", "A")));

        Assert.Contains(_studio.DatabasePath, error.Message, StringComparison.Ordinal);
    }
}
