using System.Net.Http.Json;
using System.Text.Json;
using PipelineStudio.Web.Services;
using PipelineStudio.Web.Tests.Api;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class SampleSeedingTests : IDisposable
{
    private readonly string _dataDirectory = StudioAppFactory.CreateTempDirectory();
    private readonly string _samplesDirectory = StudioAppFactory.CreateTempDirectory();

    [Fact]
    public async Task Start_EmptyStore_SeedsValidSamplesAndSkipsBrokenOnes()
    {
        WriteSample("alpha", TestDefinitions.Chain("A"));
        WriteSample("beta", TestDefinitions.Chain("A", "B"));
        WriteSample("broken", TestDefinitions.Malformed);
        WriteSample("bad_name", TestDefinitions.Chain("A"));

        using var factory = CreateFactory();
        var pipelines = await ListAsync(factory);

        Assert.Equal(["alpha", "beta"], pipelines.Select(p => p.GetProperty("name").GetString()));
        var versions = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/pipelines/beta/versions");
        var version = Assert.Single(versions.EnumerateArray());
        Assert.Equal("studio", version.GetProperty("author").GetString());
        Assert.Equal("Demo pipeline", version.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Restart_StoreAlreadyHasPipelines_DoesNotSeedAgain()
    {
        WriteSample("alpha", TestDefinitions.Chain("A"));
        using (var first = CreateFactory())
        {
            Assert.Single(await ListAsync(first));
        }

        // A sample added later must not appear, and alpha must not get a second version.
        WriteSample("gamma", TestDefinitions.Chain("A"));
        using var second = CreateFactory();
        var pipelines = await ListAsync(second);

        var only = Assert.Single(pipelines);
        Assert.Equal("alpha", only.GetProperty("name").GetString());
        Assert.Equal(1, only.GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task Start_SeedingSwitchedOff_LeavesStoreEmpty()
    {
        WriteSample("alpha", TestDefinitions.Chain("A"));

        using var factory = new StudioAppFactory
        {
            DataDirectory = _dataDirectory,
            SeedSamples = false,
            SamplesDirectory = _samplesDirectory,
            DeleteDataOnDispose = false,
        };

        Assert.Empty(await ListAsync(factory));
    }

    [Fact]
    public async Task Start_RepositorySamples_EverySampleBecomesAPipeline()
    {
        var samples = StudioFolders.FindSamplesDirectory();
        Assert.NotNull(samples);
        var expected = Directory.EnumerateFiles(samples, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        // No SamplesDirectory: the app finds the samples/ folder the build copied next to it.
        using var factory = new StudioAppFactory { DataDirectory = _dataDirectory, SeedSamples = true, DeleteDataOnDispose = false };
        var pipelines = await ListAsync(factory);

        Assert.Equal(expected, pipelines.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in new[] { _dataDirectory, _samplesDirectory })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Leftover temp folders are harmless.
            }
        }
    }

    private StudioAppFactory CreateFactory() =>
        new() { DataDirectory = _dataDirectory, SeedSamples = true, SamplesDirectory = _samplesDirectory, DeleteDataOnDispose = false };

    private void WriteSample(string name, string definition) =>
        File.WriteAllText(Path.Combine(_samplesDirectory, name + ".json"), definition);

    private static async Task<List<JsonElement>> ListAsync(StudioAppFactory factory)
    {
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/pipelines");
        return [.. list.EnumerateArray()];
    }
}
