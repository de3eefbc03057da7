using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// <see cref="IRunStore"/> on the studio's SQLite file. Writes go through one background writer with group commit
/// (<see cref="RunStoreWriter"/>): a write's task completes once its transaction is committed, so a new reader,
/// even in another process, sees it. Reads use short-lived EF contexts. Safe as a singleton; dispose it to commit
/// what is still queued. Another process (web app next to a CLI) may write to the same file: each writer takes
/// SQLite's write lock per batch and waits for the other up to the busy timeout.
/// </summary>
/// <remarks>
/// A cancellation token is honoured until the write is queued; a queued write is committed regardless, so that a
/// caller never sees a cancellation for a change that did land.
/// </remarks>
public sealed class SqliteRunStore : IRunStore, IAsyncDisposable, IDisposable
{
    private static readonly string[] UnfinishedStatuses =
        [StatusNames.Of(ExecutionStatus.Executing), StatusNames.Of(ExecutionStatus.Stopping)];

    private static readonly string Succeeded = StatusNames.Of(StepStatus.Succeeded);

    private readonly IDbContextFactory<StudioDbContext> _contextFactory;
    private readonly RunStoreWriter _writer;

    public SqliteRunStore(IDbContextFactory<StudioDbContext> contextFactory)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        _contextFactory = contextFactory;
        _writer = new RunStoreWriter(() =>
        {
            using var db = contextFactory.CreateDbContext();
            return db.Database.GetConnectionString()
                ?? throw new StudioDatabaseException("The studio database context has no connection string.");
        });
    }

    public Task CreateExecutionAsync(ExecutionRecord execution, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentException.ThrowIfNullOrWhiteSpace(execution.Id);
        var stranger = steps.FirstOrDefault(s => s.ExecutionId != execution.Id);
        if (stranger is not null)
        {
            throw new ArgumentException(
                $"Step '{stranger.StepName}' belongs to execution '{stranger.ExecutionId}', not to the new execution '{execution.Id}'.",
                nameof(steps));
        }

        return EnqueueAsync(new CreateExecutionWrite(execution, [.. steps]), cancellationToken);
    }

    public Task SaveExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return EnqueueAsync(new SaveExecutionWrite(execution), cancellationToken);
    }

    public Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return EnqueueAsync(new SaveStepWrite(step), cancellationToken);
    }

    public Task SaveAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return EnqueueAsync(new SaveAttemptWrite(attempt), cancellationToken);
    }

    public Task<ExecutionRecord?> GetExecutionAsync(string executionId, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var row = await db.Executions.AsNoTracking()
                .FirstOrDefaultAsync(e => e.Id == executionId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : RunRecordMapping.ToRecord(row);
        }, cancellationToken);

    public Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query.Offset));
        return ReadAsync<IReadOnlyList<ExecutionRecord>>(async db =>
        {
            IQueryable<ExecutionEntity> rows = db.Executions.AsNoTracking();
            if (query.PipelineName is { } pipelineName)
            {
                rows = rows.Where(e => e.PipelineName == pipelineName);
            }

            if (query.Statuses is { Count: > 0 } statuses)
            {
                var names = statuses.Select(StatusNames.Of).Distinct().ToList();
                rows = rows.Where(e => names.Contains(e.Status));
            }

            if (query.CreatedAfter is { } after)
            {
                rows = rows.Where(e => e.CreatedAt > after);
            }

            if (query.CreatedBefore is { } before)
            {
                rows = rows.Where(e => e.CreatedAt < before);
            }

            var page = await rows.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
                .Skip(query.Offset).Take(query.Limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return page.ConvertAll(RunRecordMapping.ToRecord);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StepRecord>> ListStepsAsync(string executionId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<StepRecord>>(async db =>
        {
            var rows = await db.StepRuns.AsNoTracking()
                .Where(s => s.ExecutionId == executionId)
                .OrderBy(s => s.Ordinal).ThenBy(s => s.StepName)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RunRecordMapping.ToRecord);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StepRecord>>> ListStepsOfExecutionsAsync(
        IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionIds);
        if (executionIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<StepRecord>>>(new Dictionary<string, IReadOnlyList<StepRecord>>());
        }

        var ids = executionIds.Distinct(StringComparer.Ordinal).ToList();
        return ReadAsync<IReadOnlyDictionary<string, IReadOnlyList<StepRecord>>>(async db =>
        {
            var rows = await db.StepRuns.AsNoTracking()
                .Where(s => ids.Contains(s.ExecutionId))
                .OrderBy(s => s.ExecutionId).ThenBy(s => s.Ordinal).ThenBy(s => s.StepName)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.GroupBy(s => s.ExecutionId, StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => (IReadOnlyList<StepRecord>)g.Select(RunRecordMapping.ToRecord).ToList(), StringComparer.Ordinal);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string executionId, string stepName, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AttemptRecord>>(async db =>
        {
            var rows = await db.StepAttempts.AsNoTracking()
                .Where(a => a.ExecutionId == executionId && a.StepName == stepName)
                .OrderBy(a => a.Attempt)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RunRecordMapping.ToRecord);
        }, cancellationToken);

    public Task<IReadOnlyList<AttemptRecord>> ListAttemptsOfExecutionAsync(string executionId, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<AttemptRecord>>(async db =>
        {
            var rows = await db.StepAttempts.AsNoTracking()
                .Where(a => a.ExecutionId == executionId)
                .OrderBy(a => a.StepName).ThenBy(a => a.Attempt)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RunRecordMapping.ToRecord);
        }, cancellationToken);

    /// <summary>Executing or Stopping executions, oldest first (the order the engine resumes them in).</summary>
    public Task<IReadOnlyList<ExecutionRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ExecutionRecord>>(async db =>
        {
            var rows = await db.Executions.AsNoTracking()
                .Where(e => UnfinishedStatuses.Contains(e.Status))
                .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(RunRecordMapping.ToRecord);
        }, cancellationToken);

    public Task<StepRecord?> FindCacheHitAsync(
        string pipelineName, string stepName, string cacheKey, DateTimeOffset notBefore, CancellationToken cancellationToken = default) =>
        ReadAsync(async db =>
        {
            var row = await db.StepRuns.AsNoTracking()
                .Where(s => s.PipelineName == pipelineName && s.StepName == stepName && s.CacheKey == cacheKey
                    && s.Status == Succeeded && s.EndedAt >= notBefore)
                .OrderByDescending(s => s.EndedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : RunRecordMapping.ToRecord(row);
        }, cancellationToken);

    /// <summary>Commits every queued write, then closes the writer's connection.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task EnqueueAsync(RunStoreWrite write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _writer.EnqueueAsync(write);
    }

    private async Task<T> ReadAsync<T>(Func<StudioDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            try
            {
                return await read(db).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), ex);
            }
        }
    }
}
