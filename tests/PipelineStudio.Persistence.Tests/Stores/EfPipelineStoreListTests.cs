using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class EfPipelineStoreListTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<IPipelineStore> SeededStoreAsync()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("fraud-detection", displayName: "Fraud detection", description: "Card transactions"));
        await store.SaveAsync(Saves.Request("abalone", steps: 2, description: "Regression on the UCI ABALONE data"));
        await store.SaveAsync(Saves.Request("churn", steps: 5, displayName: "Customer churn"));
        await store.SaveAsync(Saves.Request("churn", steps: 6));
        return store;
    }

    [Fact]
    public async Task ListAsync_NoSearch_AllPipelinesByNameWithLatestVersion()
    {
        var store = await SeededStoreAsync();

        var all = await store.ListAsync();

        Assert.Equal(["abalone", "churn", "fraud-detection"], all.Select(p => p.Name));
        var churn = all.Single(p => p.Name == "churn");
        Assert.Equal((2, 6), (churn.LatestVersion, churn.StepCount));
    }

    [Theory]
    [InlineData("CHURN", "churn")]          // name, case-insensitive
    [InlineData("customer", "churn")]       // display name
    [InlineData("card trans", "fraud-detection")] // description
    [InlineData("abalone", "abalone")]      // name and description
    public async Task ListAsync_Search_MatchesNameDisplayNameOrDescription(string search, string expected)
    {
        var store = await SeededStoreAsync();

        var found = await store.ListAsync(search);

        Assert.Equal([expected], found.Select(p => p.Name));
    }

    [Fact]
    public async Task ListAsync_SearchMatchingNothing_IsEmpty()
    {
        var store = await SeededStoreAsync();

        Assert.Empty(await store.ListAsync("%"));
        Assert.Empty(await store.ListAsync("tuning"));
    }

    [Fact]
    public async Task ListAsync_BlankSearch_ListsEverything()
    {
        var store = await SeededStoreAsync();

        Assert.Equal(3, (await store.ListAsync("  ")).Count);
    }
}
