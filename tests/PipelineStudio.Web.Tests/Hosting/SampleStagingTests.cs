using System.Net.Http.Json;
using System.Text.Json;
using PipelineStudio.Web.Tests.Api;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class SampleStagingTests : IDisposable
{
    private readonly string _dataDirectory = StudioAppFactory.CreateTempDirectory();
    private readonly string _samplesDirectory = StudioAppFactory.CreateTempDirectory();

    [Fact]
    public async Task Start_SampleWithScriptsFolder_StagesScriptsUnderTheSamplesBucket()
    {
        WriteSample("alpha", "train.py", "print('alpha')\n");
        File.WriteAllText(Path.Combine(_samplesDirectory, "beta.json"), TestDefinitions.Chain("A"));

        using var factory = CreateFactory();
        await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/pipelines");

        var staged = Path.Combine(_dataDirectory, "artifacts", "pipelinestudio-samples", "alpha", "code", "train.py");
        Assert.Equal("print('alpha')\n", File.ReadAllText(staged));
        Assert.False(Directory.Exists(Path.Combine(_dataDirectory, "artifacts", "pipelinestudio-samples", "beta")));
    }

    [Fact]
    public async Task Restart_ScriptChangedAfterSeeding_StagesTheNewScript()
    {
        WriteSample("alpha", "train.py", "print('v1')\n");
        using (var first = CreateFactory())
        {
            await first.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/pipelines");
        }

        // The pipeline is not seeded again, but its scripts are staged at every start.
        WriteSample("alpha", "train.py", "print('v2')\n");
        using var second = CreateFactory();
        await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/pipelines");

        var staged = Path.Combine(_dataDirectory, "artifacts", "pipelinestudio-samples", "alpha", "code", "train.py");
        Assert.Equal("print('v2')\n", File.ReadAllText(staged));
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

    private void WriteSample(string name, string scriptName, string script)
    {
        File.WriteAllText(Path.Combine(_samplesDirectory, name + ".json"), TestDefinitions.Chain("A"));
        Directory.CreateDirectory(Path.Combine(_samplesDirectory, name));
        File.WriteAllText(Path.Combine(_samplesDirectory, name, scriptName), script);
    }
}
