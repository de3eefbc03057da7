using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Stores;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class EfPipelineStoreTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    [Fact]
    public async Task SaveAsync_NewName_CreatesPipelineAtVersionOne()
    {
        var store = await _studio.OpenStoreAsync();

        var saved = await store.SaveAsync(Saves.Request("churn", steps: 3, displayName: "Churn", description: "Predicts churn"));

        Assert.Equal(1, saved.Version);
        var summary = await store.FindAsync("churn");
        Assert.NotNull(summary);
        Assert.Equal(("Churn", "Predicts churn", 1, 3), (summary.DisplayName, summary.Description, summary.LatestVersion, summary.StepCount));
    }

    [Fact]
    public async Task SaveAsync_ExistingName_AppendsNumberedVersions()
    {
        var store = await _studio.OpenStoreAsync();

        var versions = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            versions.Add((await store.SaveAsync(Saves.Request("churn", steps: i))).Version);
        }

        Assert.Equal([1, 2, 3], versions);
        var summary = await store.FindAsync("churn");
        Assert.Equal((3, 3), (summary!.LatestVersion, summary.StepCount));
        Assert.Single(await store.ListAsync());
    }

    [Fact]
    public async Task SaveAsync_StaleExpectedVersion_ThrowsConflictAndStoresNothing()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("churn"));
        await store.SaveAsync(Saves.Request("churn"));

        var conflict = await Assert.ThrowsAsync<PipelineVersionConflictException>(
            () => store.SaveAsync(Saves.Request("churn", steps: 7, expectedLatest: 1)));

        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(2, (await store.ListVersionsAsync("churn")).Count);
        Assert.Equal(1, (await store.GetLatestAsync("churn"))!.Info.StepCount);
    }

    [Fact]
    public async Task SaveAsync_CurrentExpectedVersion_Appends()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("churn", expectedLatest: 0));

        var saved = await store.SaveAsync(Saves.Request("churn", expectedLatest: 1));

        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task SaveAsync_ExpectedVersionForMissingPipeline_ThrowsAndCreatesNothing()
    {
        var store = await _studio.OpenStoreAsync();

        await Assert.ThrowsAsync<PipelineVersionConflictException>(() => store.SaveAsync(Saves.Request("ghost", expectedLatest: 3)));

        Assert.Null(await store.FindAsync("ghost"));
    }

    [Fact]
    public async Task GetVersionAsync_EachVersion_ReturnsItsOwnDefinitionAndOriginal()
    {
        var store = await _studio.OpenStoreAsync();
        const string original = "{ \"Version\" : \"2020-12-01\", \"Steps\": [] }";
        await store.SaveAsync(Saves.Request("churn", steps: 1, message: "imported", original: original));
        await store.SaveAsync(Saves.Request("churn", steps: 2, message: "edited"));

        var first = await store.GetVersionAsync("churn", 1);
        var second = await store.GetVersionAsync("churn", 2);

        Assert.Equal((original, "imported", Saves.Definition(1)), (first!.OriginalJson, first.Info.Message, first.DefinitionJson));
        Assert.Equal(((string?)null, "edited", Saves.Definition(2)), (second!.OriginalJson, second.Info.Message, second.DefinitionJson));
        Assert.Null(await store.GetVersionAsync("churn", 3));
        Assert.Null(await store.GetVersionAsync("other", 1));
    }

    [Fact]
    public async Task GetLatestAsync_SeveralVersions_ReturnsNewest()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("churn", steps: 1));
        await store.SaveAsync(Saves.Request("churn", steps: 4, message: "newest"));

        var latest = await store.GetLatestAsync("churn");

        Assert.Equal((2, "newest", Saves.Definition(4)), (latest!.Info.Version, latest.Info.Message, latest.DefinitionJson));
        Assert.Equal(("churn", "alice"), (latest.Info.PipelineName, latest.Info.Author));
        Assert.Null(await store.GetLatestAsync("missing"));
    }

    [Fact]
    public async Task ListVersionsAsync_SeveralVersions_NewestFirst()
    {
        var store = await _studio.OpenStoreAsync();
        for (var i = 1; i <= 3; i++)
        {
            await store.SaveAsync(Saves.Request("churn", message: $"v{i}"));
        }

        var versions = await store.ListVersionsAsync("churn");

        Assert.Equal([3, 2, 1], versions.Select(v => v.Version));
        Assert.Equal(["v3", "v2", "v1"], versions.Select(v => v.Message));
        Assert.Empty(await store.ListVersionsAsync("missing"));
    }

    [Fact]
    public async Task SaveAsync_AnyDefinition_StoresSha256HexOfDefinition()
    {
        var store = await _studio.OpenStoreAsync();

        var saved = await store.SaveAsync(Saves.Request("churn", steps: 2));

        // Independent expectation: `printf '%s' "$json" | sha256sum` of the exact text.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Saves.Definition(2))));
        Assert.Equal(expected, saved.ContentHash);
        Assert.Equal(expected, (await store.GetLatestAsync("churn"))!.Info.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", saved.ContentHash);
    }

    [Fact]
    public void PipelineContentHash_KnownInput_MatchesPublishedDigest()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PipelineContentHash.Of("abc"));
    }

    [Fact]
    public async Task SaveAsync_LaterVersion_KeepsCreatedAtAndMovesUpdatedAt()
    {
        var store = await _studio.OpenStoreAsync();
        var created = _studio.Clock.GetUtcNow();
        await store.SaveAsync(Saves.Request("churn"));
        _studio.Clock.Advance(TimeSpan.FromHours(2));

        var second = await store.SaveAsync(Saves.Request("churn"));

        var summary = await store.FindAsync("churn");
        Assert.Equal(created, summary!.CreatedAt);
        Assert.Equal(created.AddHours(2), summary.UpdatedAt);
        Assert.Equal(created.AddHours(2), second.CreatedAt);
        Assert.Equal(created, (await store.GetVersionAsync("churn", 1))!.Info.CreatedAt);
    }

    [Fact]
    public async Task SaveAsync_WithoutDisplayName_KeepsEarlierDisplayNameAndDescription()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("churn", displayName: "Churn", description: "first"));

        await store.SaveAsync(Saves.Request("churn"));

        var summary = await store.FindAsync("churn");
        Assert.Equal(("Churn", "first"), (summary!.DisplayName, summary.Description));
    }
}
