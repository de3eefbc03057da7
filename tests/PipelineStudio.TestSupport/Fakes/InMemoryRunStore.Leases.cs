using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary>The leases live on the stored executions, as in the SQLite store's Executions table.</summary>
public sealed partial class InMemoryRunStore : IExecutionLeases
{
    public Task<bool> TryTakeAsync(string executionId, string? expectedOwnerId, string newOwnerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_executions.TryGetValue(executionId, out var execution) || execution.Status.IsFinished() || execution.OwnerId != expectedOwnerId)
            {
                return Task.FromResult(false);
            }

            _executions[executionId] = execution with { OwnerId = newOwnerId, LeaseExpiresAt = expiresAt };
            return Task.FromResult(true);
        }
    }

    public Task RenewAsync(string ownerId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) =>
        UpdateOwned(ownerId, e => e with { LeaseExpiresAt = expiresAt });

    public Task ReleaseAsync(string ownerId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UpdateOwned(ownerId, e => e with { LeaseExpiresAt = now });

    public Task<bool> RequestStopAsync(string executionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_executions.TryGetValue(executionId, out var execution) || execution.Status != ExecutionStatus.Executing)
            {
                return Task.FromResult(false);
            }

            _executions[executionId] = execution with { Status = ExecutionStatus.Stopping };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> ListStoppingAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = [.. _executions.Values.Where(e => e.OwnerId == ownerId && e.Status == ExecutionStatus.Stopping).Select(e => e.Id)];
            return Task.FromResult(ids);
        }
    }

    private Task UpdateOwned(string ownerId, Func<ExecutionRecord, ExecutionRecord> update)
    {
        lock (_gate)
        {
            foreach (var execution in _executions.Values.Where(e => e.OwnerId == ownerId && !e.Status.IsFinished()).ToList())
            {
                _executions[execution.Id] = update(execution);
            }
        }

        return Task.CompletedTask;
    }
}
