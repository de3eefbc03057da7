using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Stores;

namespace PipelineStudio.Persistence;

/// <summary>Composition of the studio's persistence for the web app, the CLI and tests.</summary>
public static class PersistenceServiceCollectionExtensions
{
    // Long enough to ride out another process's save or migration; short enough that a stuck lock surfaces as an error.
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers <see cref="IDbContextFactory{StudioDbContext}"/> on the SQLite file
    /// <c>&lt;dataDirectory&gt;/studio.db</c>, the singletons <see cref="IPipelineStore"/> (<see cref="EfPipelineStore"/>),
    /// <see cref="IRunStore"/> (<see cref="SqliteRunStore"/>, disposed with the container, which commits its queued
    /// writes), <see cref="IModelRegistry"/>, <see cref="IExecutionLeases"/>, <see cref="ICallbackStore"/>, <see cref="ILineageStore"/> and <see cref="ISweepStore"/>, and <see cref="TimeProvider.System"/>
    /// unless a TimeProvider is registered.
    /// </summary>
    public static IServiceCollection AddStudioPersistence(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = StudioDataDirectory.DatabasePath(Path.GetFullPath(dataDirectory)),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite's own retry on SQLITE_BUSY, next to the native busy_timeout the interceptor sets.
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        services.AddDbContextFactory<StudioDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteBusyTimeoutInterceptor(BusyTimeout)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPipelineStore, EfPipelineStore>();
        services.TryAddSingleton<IRunStore, SqliteRunStore>();
        services.TryAddSingleton<IModelRegistry, EfModelRegistry>();
        services.TryAddSingleton<IExecutionLeases, SqliteExecutionLeases>();
        services.TryAddSingleton<ICallbackStore, SqliteCallbackStore>();
        services.TryAddSingleton<ILineageStore, SqliteLineageStore>();
        services.TryAddSingleton<ISweepStore, SqliteSweepStore>();
        return services;
    }

    /// <summary>
    /// Applies pending migrations and switches the file to WAL, so readers never block the writer.
    /// Safe to call at every start, also from two processes at once (EF takes a migration lock).
    /// </summary>
    /// <exception cref="StudioDatabaseException">The file cannot be created, opened or migrated; the message names it.</exception>
    public static async Task InitializeStudioDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var path = StudioDatabaseErrors.PathOf(db);
            StudioDataDirectory.EnsureDirectory(Path.GetDirectoryName(path)!);
            try
            {
                await db.Database.MigrateAsync(ct).ConfigureAwait(false);
                await EnableWriteAheadLogAsync(db, path, ct).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(path, ex);
            }
        }
    }

    private static async Task EnableWriteAheadLogAsync(StudioDbContext db, string path, CancellationToken ct)
    {
        // journal_mode is stored in the file, so this holds for every later connection and process.
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        string? mode;
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                mode = await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StudioDatabaseException(
                $"The studio database '{path}' could not switch to write-ahead logging (journal mode is '{mode}'). " +
                "WAL needs a local filesystem that supports shared memory; move the data directory off network storage.");
        }
    }
}
