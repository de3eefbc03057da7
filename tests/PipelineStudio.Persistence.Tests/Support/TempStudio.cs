using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Persistence.Tests.Support;

/// <summary>A studio data directory in a fresh temp folder with a real SQLite file, deleted afterwards.</summary>
public sealed class TempStudio : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public TempStudio()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "pipelinestudio-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string DatabasePath => StudioDataDirectory.DatabasePath(DataDirectory);

    /// <summary>Starts at a fixed instant so tests can assert stored times exactly.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

    /// <summary>A new service provider on the same file, as a second process (web app next to a CLI) would have.</summary>
    public ServiceProvider NewProvider()
    {
        var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddStudioPersistence(DataDirectory)
            .BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A provider whose database has been initialized, and its store.</summary>
    public async Task<IPipelineStore> OpenStoreAsync()
    {
        var provider = NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return provider.GetRequiredService<IPipelineStore>();
    }

    /// <summary>A provider whose database has been initialized, and its run store.</summary>
    public async Task<IRunStore> OpenRunStoreAsync()
    {
        var provider = NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return provider.GetRequiredService<IRunStore>();
    }

    /// <summary>A provider whose database has been initialized, and its model registry.</summary>
    public async Task<IModelRegistry> OpenRegistryAsync()
    {
        var provider = NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return provider.GetRequiredService<IModelRegistry>();
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
