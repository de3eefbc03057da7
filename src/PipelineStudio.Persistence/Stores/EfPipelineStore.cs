using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// <see cref="IPipelineStore"/> on EF Core. Safe as a singleton: every call uses its own short-lived context.
/// Several processes (web app, CLI) may save to the same SQLite file at once: a save holds SQLite's write lock
/// from its first read to its commit, so two writers can never number the same version.
/// </summary>
public sealed class EfPipelineStore(IDbContextFactory<StudioDbContext> contextFactory, TimeProvider timeProvider)
    : IPipelineStore
{
    // The write lock makes collisions impossible between well-behaved writers; the retry covers anything that
    // still trips the unique (PipelineId, Version) index, e.g. a writer on a filesystem with broken locking.
    private const int MaxSaveAttempts = 3;

    private static readonly Expression<Func<PipelineVersionEntity, PipelineVersionInfo>> ToInfo =
        v => new PipelineVersionInfo(v.Pipeline.Name, v.Version, v.Author, v.Message, v.CreatedAt, v.StepCount, v.ContentHash);

    private static readonly Expression<Func<PipelineVersionEntity, PipelineVersion>> ToVersion =
        v => new PipelineVersion(
            new PipelineVersionInfo(v.Pipeline.Name, v.Version, v.Author, v.Message, v.CreatedAt, v.StepCount, v.ContentHash),
            v.DefinitionJson,
            v.OriginalJson);

    private static readonly Expression<Func<PipelineEntity, PipelineSummary>> ToSummary =
        p => new PipelineSummary(
            p.Name,
            p.DisplayName,
            p.Description,
            p.Versions.Max(v => (int?)v.Version) ?? 0,
            p.Versions.OrderByDescending(v => v.Version).Select(v => v.StepCount).FirstOrDefault(),
            p.CreatedAt,
            p.UpdatedAt);

    public Task<IReadOnlyList<PipelineSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<PipelineSummary>>(async db =>
        {
            var pipelines = db.Pipelines.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(search))
            {
                // SQLite's lower() folds ASCII only, which covers SageMaker names; descriptions match as typed otherwise.
                var term = search.Trim().ToLowerInvariant();
                pipelines = pipelines.Where(p =>
                    p.Name.ToLower().Contains(term)
                    || (p.DisplayName != null && p.DisplayName.ToLower().Contains(term))
                    || (p.Description != null && p.Description.ToLower().Contains(term)));
            }

            return await pipelines.OrderBy(p => p.Name).Select(ToSummary).ToListAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<PipelineSummary?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync(db => db.Pipelines.AsNoTracking()
            .Where(p => p.Name == name)
            .Select(ToSummary)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);

    public Task<PipelineVersion?> GetLatestAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync(db => db.PipelineVersions.AsNoTracking()
            .Where(v => v.Pipeline.Name == name)
            .OrderByDescending(v => v.Version)
            .Select(ToVersion)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);

    public Task<PipelineVersion?> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        RunAsync(db => db.PipelineVersions.AsNoTracking()
            .Where(v => v.Pipeline.Name == name && v.Version == version)
            .Select(ToVersion)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<PipelineVersionInfo>> ListVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<PipelineVersionInfo>>(async db => await db.PipelineVersions.AsNoTracking()
            .Where(v => v.Pipeline.Name == name)
            .OrderByDescending(v => v.Version)
            .Select(ToInfo)
            .ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken);

    public async Task<PipelineVersionInfo> SaveAsync(SavePipelineVersion request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        ArgumentNullException.ThrowIfNull(request.DefinitionJson);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(db => AppendVersionAsync(db, request, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (StudioDatabaseErrors.IsUniqueViolation(ex))
            {
                // Someone numbered the same version first: read the new latest and try again.
                if (attempt >= MaxSaveAttempts)
                {
                    throw new StudioDatabaseException(
                        $"Pipeline '{request.Name}' could not be saved: another writer took the same version number " +
                        $"{MaxSaveAttempts} times in a row. Try again.", ex);
                }
            }
        }
    }

    private async Task<PipelineVersionInfo> AppendVersionAsync(
        StudioDbContext db, SavePipelineVersion request, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // BEGIN IMMEDIATE: take the write lock before reading the latest version, so that the number read is still
        // the latest at commit. A deferred transaction would read first and fail to upgrade when another writer won.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);

        var pipeline = await db.Pipelines.SingleOrDefaultAsync(p => p.Name == request.Name, cancellationToken).ConfigureAwait(false);
        var latest = pipeline is null
            ? 0
            : await db.PipelineVersions.Where(v => v.PipelineId == pipeline.Id)
                .MaxAsync(v => (int?)v.Version, cancellationToken).ConfigureAwait(false) ?? 0;
        if (request.ExpectedLatestVersion is { } expected && expected != latest)
        {
            throw new PipelineVersionConflictException(request.Name, expected, latest);
        }

        var now = timeProvider.GetUtcNow();
        if (pipeline is null)
        {
            pipeline = new PipelineEntity { Name = request.Name, CreatedAt = now };
            db.Pipelines.Add(pipeline);
        }

        pipeline.UpdatedAt = now;
        pipeline.DisplayName = request.DisplayName ?? pipeline.DisplayName;
        pipeline.Description = request.Description ?? pipeline.Description;
        var version = new PipelineVersionEntity
        {
            Pipeline = pipeline,
            Version = latest + 1,
            DefinitionJson = request.DefinitionJson,
            OriginalJson = request.OriginalJson,
            Author = request.Author,
            Message = request.Message,
            CreatedAt = now,
            StepCount = request.StepCount,
            ContentHash = PipelineContentHash.Of(request.DefinitionJson),
        };
        db.PipelineVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PipelineVersionInfo(pipeline.Name, version.Version, version.Author, version.Message,
            version.CreatedAt, version.StepCount, version.ContentHash);
    }

    private async Task<T> RunAsync<T>(Func<StudioDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            try
            {
                return await work(db).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), ex);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException inner && !StudioDatabaseErrors.IsUniqueViolation(ex))
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), inner);
            }
        }
    }
}
