using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary>
/// A thread-safe in-memory <see cref="IRunStore"/>. <see cref="Writes"/> keeps every record in the order it was
/// stored, so tests can check that an announced state was stored first; <see cref="WriteDelay"/> widens that window.
/// </summary>
public sealed partial class InMemoryRunStore : IRunStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ExecutionRecord> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StepRecord>> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<AttemptRecord>> _attempts = [];
    private readonly List<object> _writes = [];

    /// <summary>A real delay before each write lands, to expose anyone announcing before the write completed.</summary>
    public TimeSpan WriteDelay { get; set; }

    /// <summary>Every stored record (executions, steps, attempts) in write order.</summary>
    public IReadOnlyList<object> Writes
    {
        get
        {
            lock (_gate)
            {
                return _writes.ToList();
            }
        }
    }

    public bool HasWritten(object record)
    {
        lock (_gate)
        {
            return _writes.Contains(record);
        }
    }

    public async Task CreateExecutionAsync(ExecutionRecord execution, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken = default)
    {
        await DelayAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _executions[execution.Id] = execution;
            _steps[execution.Id] = steps.ToList();
            _writes.Add(execution);
            _writes.AddRange(steps);
        }
    }

    public async Task SaveExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken = default)
    {
        await DelayAsync().ConfigureAwait(false);
        lock (_gate)
        {
            // Like the SQLite store: owner and lease change only through the lease calls.
            var stored = _executions.GetValueOrDefault(execution.Id);
            _executions[execution.Id] = execution with { OwnerId = stored?.OwnerId ?? execution.OwnerId, LeaseExpiresAt = stored is null ? execution.LeaseExpiresAt : stored.LeaseExpiresAt };
            _writes.Add(execution);
        }
    }

    public async Task SaveStepAsync(StepRecord step, CancellationToken cancellationToken = default)
    {
        await DelayAsync().ConfigureAwait(false);
        lock (_gate)
        {
            var steps = _steps.TryGetValue(step.ExecutionId, out var list) ? list : _steps[step.ExecutionId] = [];
            var index = steps.FindIndex(s => s.StepName == step.StepName);
            if (index >= 0)
            {
                steps[index] = step;
            }
            else
            {
                steps.Add(step);
            }

            _writes.Add(step);
        }
    }

    public async Task SaveAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default)
    {
        await DelayAsync().ConfigureAwait(false);
        lock (_gate)
        {
            var key = (attempt.ExecutionId, attempt.StepName);
            var attempts = _attempts.TryGetValue(key, out var list) ? list : _attempts[key] = [];
            var index = attempts.FindIndex(a => a.Attempt == attempt.Attempt);
            if (index >= 0)
            {
                attempts[index] = attempt;
            }
            else
            {
                attempts.Add(attempt);
            }

            _writes.Add(attempt);
        }
    }

    public Task<ExecutionRecord?> GetExecutionAsync(string executionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_executions.GetValueOrDefault(executionId));
        }
    }

    public Task<IReadOnlyList<ExecutionRecord>> ListExecutionsAsync(ExecutionQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ExecutionRecord> result = _executions.Values
                .Where(e => query.PipelineName is null || e.PipelineName == query.PipelineName)
                .Where(e => query.Statuses is null || query.Statuses.Contains(e.Status))
                .Where(e => query.CreatedAfter is null || e.CreatedAt > query.CreatedAfter)
                .Where(e => query.CreatedBefore is null || e.CreatedAt < query.CreatedBefore)
                .OrderByDescending(e => e.CreatedAt)
                .Skip(query.Offset).Take(query.Limit).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<StepRecord>> ListStepsAsync(string executionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StepRecord> result = _steps.TryGetValue(executionId, out var steps) ? steps.ToList() : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StepRecord>>> ListStepsOfExecutionsAsync(
        IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, IReadOnlyList<StepRecord>> result = executionIds.Distinct(StringComparer.Ordinal)
                .Where(id => _steps.TryGetValue(id, out var steps) && steps.Count > 0)
                .ToDictionary(id => id, id => (IReadOnlyList<StepRecord>)_steps[id].ToList(), StringComparer.Ordinal);
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string executionId, string stepName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AttemptRecord> result = _attempts.TryGetValue((executionId, stepName), out var attempts)
                ? attempts.OrderBy(a => a.Attempt).ToList() : [];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<AttemptRecord>> ListAttemptsOfExecutionAsync(string executionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AttemptRecord> result = _attempts.Where(a => a.Key.Item1 == executionId)
                .SelectMany(a => a.Value).OrderBy(a => a.StepName, StringComparer.Ordinal).ThenBy(a => a.Attempt).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<ExecutionRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ExecutionRecord> result = _executions.Values
                .Where(e => e.Status is ExecutionStatus.Executing or ExecutionStatus.Stopping).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<StepRecord?> FindCacheHitAsync(string pipelineName, string stepName, string cacheKey, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var hit = _steps
                .Where(p => _executions.TryGetValue(p.Key, out var e) && e.PipelineName == pipelineName)
                .SelectMany(p => p.Value)
                .Where(s => s.StepName == stepName && s.CacheKey == cacheKey && s.Status == StepStatus.Succeeded && s.EndedAt >= notBefore)
                .OrderByDescending(s => s.EndedAt)
                .FirstOrDefault();
            return Task.FromResult(hit);
        }
    }

    private Task DelayAsync() => WriteDelay > TimeSpan.Zero ? Task.Delay(WriteDelay) : Task.CompletedTask;
}
