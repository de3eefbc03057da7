using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Core.Sweeps;

/// <summary>A thread-safe <see cref="ISweepStore"/> in memory: for tests, and for hosts without a database.</summary>
public sealed class InMemorySweepStore : ISweepStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SweepRecord> _sweeps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SweepMemberRecord[]> _members = new(StringComparer.Ordinal);

    public Task CreateAsync(SweepRecord sweep, IReadOnlyList<SweepMemberRecord> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(members);
        lock (_gate)
        {
            if (!_sweeps.TryAdd(sweep.Id, sweep))
            {
                throw new InvalidOperationException($"Sweep '{sweep.Id}' already exists.");
            }

            _members[sweep.Id] = members.OrderBy(m => m.Index).ToArray();
        }

        return Task.CompletedTask;
    }

    public Task SaveAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        lock (_gate)
        {
            if (!_sweeps.ContainsKey(sweep.Id))
            {
                throw new InvalidOperationException($"Sweep '{sweep.Id}' does not exist.");
            }

            _sweeps[sweep.Id] = sweep;
        }

        return Task.CompletedTask;
    }

    public Task SaveMemberAsync(SweepMemberRecord member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (!_members.TryGetValue(member.SweepId, out var members) || member.Index < 0 || member.Index >= members.Length)
            {
                throw new InvalidOperationException($"Sweep '{member.SweepId}' has no member {member.Index}.");
            }

            members[member.Index] = member;
        }

        return Task.CompletedTask;
    }

    public Task<SweepRecord?> GetAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_sweeps.GetValueOrDefault(sweepId));
        }
    }

    public Task<IReadOnlyList<SweepMemberRecord>> ListMembersAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SweepMemberRecord> members = _members.TryGetValue(sweepId, out var list) ? list.ToList() : [];
            return Task.FromResult(members);
        }
    }

    public Task<IReadOnlyList<SweepSummary>> ListAsync(string? pipelineName = null, int limit = 50, int offset = 0, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SweepSummary> summaries = _sweeps.Values
                .Where(s => pipelineName is null || s.PipelineName == pipelineName)
                .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal)
                .Skip(offset).Take(limit)
                .Select(s => new SweepSummary(s, _members[s.Id].GroupBy(m => m.State).ToDictionary(g => g.Key, g => g.Count())))
                .ToList();
            return Task.FromResult(summaries);
        }
    }

    public Task<IReadOnlyList<SweepRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SweepRecord> unfinished = _sweeps.Values.Where(s => s.Status == SweepStatus.Running).ToList();
            return Task.FromResult(unfinished);
        }
    }
}
