using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

/// <summary>Two providers on one file stand for two processes (web app and CLI) sharing a data directory.</summary>
public sealed class ExecutionLeaseTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<(IRunStore Store, IExecutionLeases Leases)> OpenAsync()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return (provider.GetRequiredService<IRunStore>(), provider.GetRequiredService<IExecutionLeases>());
    }

    [Fact]
    public async Task CreateExecutionAsync_StoresOwnerAndLease_AndLaterSavesDoNotOverwriteThem()
    {
        var (store, _) = await OpenAsync();
        var execution = Runs.Execution("x1") with { OwnerId = "cli", LeaseExpiresAt = Runs.T0.AddSeconds(30) };
        await store.CreateExecutionAsync(execution, []);

        await store.SaveExecutionAsync(execution with { Status = ExecutionStatus.Succeeded, OwnerId = null, LeaseExpiresAt = null });

        var stored = await store.GetExecutionAsync("x1");
        Assert.Equal(ExecutionStatus.Succeeded, stored!.Status);
        Assert.Equal("cli", stored.OwnerId);
        Assert.Equal(Runs.T0.AddSeconds(30), stored.LeaseExpiresAt);
    }

    [Fact]
    public async Task TryTakeAsync_TwoEnginesRaceForTheSameExecution_ExactlyOneWins()
    {
        var (store, _) = await OpenAsync();
        await store.CreateExecutionAsync(Runs.Execution("x1") with { OwnerId = "dead" }, []);
        var (_, leasesA) = await OpenAsync();
        var (_, leasesB) = await OpenAsync();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? leasesA : leasesB).TryTakeAsync("x1", "dead", $"engine-{i}", Runs.T0.AddMinutes(1))));

        Assert.Single(results, won => won);
        var owner = (await store.GetExecutionAsync("x1"))!.OwnerId;
        Assert.Equal($"engine-{Array.IndexOf(results, true)}", owner);
    }

    [Fact]
    public async Task TryTakeAsync_FinishedExecution_IsNeverTaken()
    {
        var (store, leases) = await OpenAsync();
        await store.CreateExecutionAsync(Runs.Execution("x1", status: ExecutionStatus.Succeeded) with { OwnerId = "a" }, []);

        Assert.False(await leases.TryTakeAsync("x1", "a", "b", Runs.T0));
        Assert.Equal("a", (await store.GetExecutionAsync("x1"))!.OwnerId);
    }

    [Fact]
    public async Task RenewAndRelease_TouchOnlyTheOwnersUnfinishedExecutions()
    {
        var (store, leases) = await OpenAsync();
        await store.CreateExecutionAsync(Runs.Execution("mine") with { OwnerId = "me", LeaseExpiresAt = Runs.T0 }, []);
        await store.CreateExecutionAsync(Runs.Execution("done", status: ExecutionStatus.Failed) with { OwnerId = "me", LeaseExpiresAt = Runs.T0 }, []);
        await store.CreateExecutionAsync(Runs.Execution("theirs") with { OwnerId = "other", LeaseExpiresAt = Runs.T0 }, []);

        await leases.RenewAsync("me", Runs.T0.AddMinutes(5));
        Assert.Equal(Runs.T0.AddMinutes(5), (await store.GetExecutionAsync("mine"))!.LeaseExpiresAt);
        Assert.Equal(Runs.T0, (await store.GetExecutionAsync("done"))!.LeaseExpiresAt);
        Assert.Equal(Runs.T0, (await store.GetExecutionAsync("theirs"))!.LeaseExpiresAt);

        await leases.ReleaseAsync("me", Runs.T0.AddMinutes(1));
        Assert.Equal(Runs.T0.AddMinutes(1), (await store.GetExecutionAsync("mine"))!.LeaseExpiresAt);
    }

    [Fact]
    public async Task RequestStopAsync_FromAnotherProcess_IsSeenByTheOwner()
    {
        var (store, ownerLeases) = await OpenAsync();
        await store.CreateExecutionAsync(Runs.Execution("x1") with { OwnerId = "cli" }, []);
        var (_, webLeases) = await OpenAsync();

        Assert.True(await webLeases.RequestStopAsync("x1"));
        Assert.False(await webLeases.RequestStopAsync("x1"));

        Assert.Equal(["x1"], await ownerLeases.ListStoppingAsync("cli"));
        Assert.Empty(await ownerLeases.ListStoppingAsync("web"));
    }
}
