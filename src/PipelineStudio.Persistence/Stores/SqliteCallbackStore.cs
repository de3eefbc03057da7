using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary><see cref="ICallbackStore"/> on the Callbacks table; completion is a conditional UPDATE, so one answer wins.</summary>
public sealed class SqliteCallbackStore(IDbContextFactory<StudioDbContext> contexts) : ICallbackStore
{
    public Task IssueAsync(CallbackRecord callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return StudioDbOperations.RunAsync(contexts, async db =>
        {
            db.Callbacks.Add(new CallbackEntity
            {
                Token = callback.Token,
                ExecutionId = callback.ExecutionId,
                StepName = callback.StepName,
                IssuedAt = callback.IssuedAt,
            });
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<CallbackCompletionOutcome> CompleteAsync(
        string token, bool succeeded, IReadOnlyDictionary<string, string> outputParameters, string? failureReason, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputParameters);
        var outputsJson = JsonSerializer.Serialize(outputParameters);
        return StudioDbOperations.RunAsync(contexts, async db =>
        {
            var changed = await db.Callbacks
                .Where(c => c.Token == token && c.CompletedAt == null && c.ClosedAt == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.CompletedAt, at)
                    .SetProperty(c => c.Succeeded, succeeded)
                    .SetProperty(c => c.OutputParametersJson, outputsJson)
                    .SetProperty(c => c.FailureReason, failureReason), cancellationToken)
                .ConfigureAwait(false);
            if (changed == 1)
            {
                return CallbackCompletionOutcome.Completed;
            }

            var row = await db.Callbacks.AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, cancellationToken).ConfigureAwait(false);
            return row is null ? CallbackCompletionOutcome.UnknownToken
                : row.CompletedAt is not null ? CallbackCompletionOutcome.AlreadyCompleted
                : CallbackCompletionOutcome.NoLongerWaiting;
        }, cancellationToken);
    }

    public Task CloseAsync(string token, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, db => db.Callbacks
            .Where(c => c.Token == token && c.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, at), cancellationToken), cancellationToken);

    public Task<CallbackRecord?> GetAsync(string token, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var row = await db.Callbacks.AsNoTracking().FirstOrDefaultAsync(c => c.Token == token, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToRecord(row);
        }, cancellationToken);

    public Task<CallbackRecord?> FindPendingAsync(string executionId, string stepName, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var row = await db.Callbacks.AsNoTracking()
                .Where(c => c.ExecutionId == executionId && c.StepName == stepName && c.ClosedAt == null)
                .OrderByDescending(c => c.IssuedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToRecord(row);
        }, cancellationToken);

    private static CallbackRecord ToRecord(CallbackEntity row) => new(
        row.Token,
        row.ExecutionId,
        row.StepName,
        row.IssuedAt,
        row.CompletedAt,
        row.Succeeded,
        row.OutputParametersJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.OutputParametersJson),
        row.FailureReason,
        row.ClosedAt);
}
