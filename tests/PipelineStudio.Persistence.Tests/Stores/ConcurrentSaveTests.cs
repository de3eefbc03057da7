using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class ConcurrentSaveTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    [Fact]
    public async Task SaveAsync_TwentyConcurrentSavesFromTwoProviders_NumbersOneToTwentyWithoutGaps()
    {
        // Two providers = two connection pools and two store instances on one file, like the web app and a CLI.
        var webApp = _studio.NewProvider();
        var cli = _studio.NewProvider();
        await webApp.InitializeStudioDatabaseAsync();
        await cli.InitializeStudioDatabaseAsync();
        IPipelineStore[] stores = [webApp.GetRequiredService<IPipelineStore>(), cli.GetRequiredService<IPipelineStore>()];

        using var start = new ManualResetEventSlim();
        var saves = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await stores[i % 2].SaveAsync(Saves.Request("churn", message: $"save {i}"));
            }))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(saves);

        Assert.Equal(Enumerable.Range(1, 20), results.Select(r => r.Version).Order());
        var stored = await stores[0].ListVersionsAsync("churn");
        Assert.Equal(Enumerable.Range(1, 20).Reverse(), stored.Select(v => v.Version));
        Assert.Equal(20, stored.Select(v => v.Message).Distinct().Count());
        Assert.Single(await stores[1].ListAsync());
    }

    [Fact]
    public async Task SaveAsync_ConcurrentSavesExpectingSameVersion_ExactlyOneWins()
    {
        var first = _studio.NewProvider();
        var second = _studio.NewProvider();
        await first.InitializeStudioDatabaseAsync();
        var stores = new[] { first.GetRequiredService<IPipelineStore>(), second.GetRequiredService<IPipelineStore>() };
        await stores[0].SaveAsync(Saves.Request("churn"));

        var attempts = Enumerable.Range(0, 6)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    await stores[i % 2].SaveAsync(Saves.Request("churn", expectedLatest: 1));
                    return true;
                }
                catch (PipelineVersionConflictException)
                {
                    return false;
                }
            }))
            .ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, (await stores[1].FindAsync("churn"))!.LatestVersion);
    }
}
