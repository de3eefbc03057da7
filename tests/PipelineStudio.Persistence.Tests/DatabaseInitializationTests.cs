using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests;

public sealed class DatabaseInitializationTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_studio.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>Every migration the assembly carries, as text (the scalar queries return text).</summary>
    private string KnownMigrationCount()
    {
        using var db = _studio.NewProvider().GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext();
        var count = db.Database.GetMigrations().Count();
        Assert.True(count >= 3, "The assembly should carry the InitialCreate, AddRuns and AddLeasesAndCallbacks migrations.");
        return count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task InitializeStudioDatabaseAsync_FreshFile_AppliesMigrationsAndTurnsOnWal()
    {
        Assert.False(File.Exists(_studio.DatabasePath));

        await _studio.NewProvider().InitializeStudioDatabaseAsync();

        Assert.True(File.Exists(_studio.DatabasePath));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal(KnownMigrationCount(), await ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory;"));
        Assert.Equal("9", await ScalarAsync(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Pipelines', 'PipelineVersions', 'Executions', " +
            "'StepRuns', 'StepAttempts', 'Callbacks', 'ModelPackageGroups', 'ModelPackages', 'ModelApprovalChanges');"));
    }

    [Fact]
    public async Task InitializeStudioDatabaseAsync_SecondStart_ChangesNothingAndKeepsData()
    {
        var store = await _studio.OpenStoreAsync();
        await store.SaveAsync(Saves.Request("churn"));

        await _studio.NewProvider().InitializeStudioDatabaseAsync();
        await _studio.NewProvider().InitializeStudioDatabaseAsync();

        Assert.Equal(KnownMigrationCount(), await ScalarAsync("SELECT count(*) FROM __EFMigrationsHistory;"));
        var provider = _studio.NewProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.PipelineVersions.CountAsync());
    }

    [Fact]
    public async Task NewProvider_AfterSaves_ReadsEverythingBackFromTheFile()
    {
        var first = await _studio.OpenStoreAsync();
        await first.SaveAsync(Saves.Request("churn", steps: 2, original: "{ }", displayName: "Churn"));
        await first.SaveAsync(Saves.Request("churn", steps: 3, message: "second"));
        SqliteConnection.ClearAllPools();

        var reopened = await _studio.OpenStoreAsync();

        var latest = await reopened.GetLatestAsync("churn");
        Assert.Equal((2, "second", 3), (latest!.Info.Version, latest.Info.Message, latest.Info.StepCount));
        Assert.Equal("{ }", (await reopened.GetVersionAsync("churn", 1))!.OriginalJson);
        Assert.Equal("Churn", (await reopened.FindAsync("churn"))!.DisplayName);
    }

    [Fact]
    public async Task InitializeStudioDatabaseAsync_CorruptFile_ThrowsMessageNamingThePath()
    {
        await File.WriteAllTextAsync(_studio.DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => _studio.NewProvider().InitializeStudioDatabaseAsync());

        Assert.Contains(_studio.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeStudioDatabaseAsync_PathIsADirectory_ThrowsMessageNamingThePath()
    {
        // Running as root defeats permission bits, so an unopenable path stands in for an unwritable file.
        Directory.CreateDirectory(_studio.DatabasePath);

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => _studio.NewProvider().InitializeStudioDatabaseAsync());

        Assert.Contains(_studio.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_FileCorruptedAfterStart_ThrowsMessageNamingThePath()
    {
        var store = await _studio.OpenStoreAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_studio.DatabasePath + "-wal");
        File.Delete(_studio.DatabasePath + "-shm");
        await File.WriteAllTextAsync(_studio.DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => store.ListAsync());

        Assert.Contains(_studio.DatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_OpenedConnection_HasBusyTimeoutForSharingTheFile()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        await using var db = await provider.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        var timeout = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((long)PersistenceServiceCollectionExtensions.BusyTimeout.TotalMilliseconds, timeout);
    }

    [Fact]
    public async Task AddStudioPersistence_TimeProviderAlreadyRegistered_KeepsIt()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(_studio.Clock)
            .AddStudioPersistence(_studio.DataDirectory)
            .BuildServiceProvider();
        await using var defaults = new ServiceCollection().AddStudioPersistence(_studio.DataDirectory).BuildServiceProvider();

        Assert.Same(_studio.Clock, provider.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, defaults.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<IPipelineStore>(), provider.GetRequiredService<IPipelineStore>());
        Assert.Same(provider.GetRequiredService<IRunStore>(), provider.GetRequiredService<IRunStore>());
        Assert.Same(provider.GetRequiredService<IModelRegistry>(), provider.GetRequiredService<IModelRegistry>());
    }
}
