using Microsoft.AspNetCore.Builder;
using PipelineStudio.Persistence;
using PipelineStudio.Web.Hosting;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class StudioConfigurationTests : IDisposable
{
    private readonly string _settingsDirectory = StudioAppFactory.CreateTempDirectory();

    public StudioConfigurationTests() =>
        File.WriteAllText(
            Path.Combine(_settingsDirectory, StudioConfiguration.SettingsFileName),
            """{ "Studio": { "JsonOnly": "json", "EnvProbe": "json", "ArgProbe": "json" } }""");

    [Fact]
    public void AddStudioSettingsFile_KeepsPrecedenceJsonThenEnvironmentThenCommandLine()
    {
        // A key only this test uses, so the process-wide variable cannot disturb other tests.
        Environment.SetEnvironmentVariable("Studio__EnvProbe", "env");
        try
        {
            var builder = WebApplication.CreateBuilder(["--Studio:ArgProbe=arg"]);

            StudioConfiguration.AddStudioSettingsFile(builder.Configuration, _settingsDirectory);

            Assert.Equal("json", builder.Configuration["Studio:JsonOnly"]);
            Assert.Equal("env", builder.Configuration["Studio:EnvProbe"]);
            Assert.Equal("arg", builder.Configuration["Studio:ArgProbe"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Studio__EnvProbe", null);
        }
    }

    [Fact]
    public void Build_RepoSettingsFile_IsCopiedNextToTheApp()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, StudioConfiguration.SettingsFileName);
        var repoRoot = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repoRoot.FullName, "PipelineStudio.sln")))
        {
            repoRoot = repoRoot.Parent ?? throw new InvalidOperationException("The tests run outside the repository.");
        }

        Assert.True(File.Exists(copied), $"expected {copied}");
        Assert.Equal(File.ReadAllText(Path.Combine(repoRoot.FullName, StudioConfiguration.SettingsFileName)), File.ReadAllText(copied));
    }

    [Fact]
    public async Task Start_DataDirectorySetting_PutsTheDatabaseThere()
    {
        using var factory = new StudioAppFactory();
        using var client = factory.CreateClient();

        await client.GetAsync("/api/v1/pipelines");

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, StudioDataDirectory.DatabaseFileName)));
    }

    public void Dispose() => Directory.Delete(_settingsDirectory, recursive: true);
}
