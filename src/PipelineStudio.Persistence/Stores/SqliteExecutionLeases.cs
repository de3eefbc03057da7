using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// <see cref="IExecutionLeases"/> as conditional UPDATEs on the Executions table: SQLite serializes writers, so a
/// compare-and-swap on OwnerId lets exactly one of two competing engines take an execution.
/// </summary>
public sealed class SqliteExecutionLeases(IDbContextFactory<StudioDbContext> contexts) : IExecutionLeases
{
    private static readonly string Executing = StatusNames.Of(ExecutionStatus.Executing);
    private static readonly string Stopping = StatusNames.Of(ExecutionStatus.Stopping);

    public Task<bool> TryTakeAsync(
        string executionId, string? expectedOwnerId, string newOwnerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var changed = await db.Executions
                .Where(e => e.Id == executionId && e.OwnerId == expectedOwnerId && (e.Status == Executing || e.Status == Stopping))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.OwnerId, newOwnerId).SetProperty(e => e.LeaseExpiresAt, expiresAt), cancellationToken)
                .ConfigureAwait(false);
            return changed == 1;
        }, cancellationToken);

    public Task RenewAsync(string ownerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, db => db.Executions
            .Where(e => e.OwnerId == ownerId && (e.Status == Executing || e.Status == Stopping))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LeaseExpiresAt, expiresAt), cancellationToken), cancellationToken);

    public Task ReleaseAsync(string ownerId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, db => db.Executions
            .Where(e => e.OwnerId == ownerId && (e.Status == Executing || e.Status == Stopping))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LeaseExpiresAt, now), cancellationToken), cancellationToken);

    public Task<bool> RequestStopAsync(string executionId, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var changed = await db.Executions
                .Where(e => e.Id == executionId && e.Status == Executing)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, Stopping), cancellationToken)
                .ConfigureAwait(false);
            return changed == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListStoppingAsync(string ownerId, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync<IReadOnlyList<string>>(contexts, async db => await db.Executions.AsNoTracking()
            .Where(e => e.OwnerId == ownerId && e.Status == Stopping)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken);
}
