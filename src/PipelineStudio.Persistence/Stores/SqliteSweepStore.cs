using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary><see cref="ISweepStore"/> on the Sweeps and SweepMembers tables.</summary>
public sealed class SqliteSweepStore(IDbContextFactory<StudioDbContext> contexts) : ISweepStore
{
    public Task CreateAsync(SweepRecord sweep, IReadOnlyList<SweepMemberRecord> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(members);
        return StudioDbOperations.RunAsync(contexts, async db =>
        {
            var entity = ToEntity(sweep);
            entity.Members = members.Select(ToEntity).ToList();
            db.Sweeps.Add(entity);
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task SaveAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return StudioDbOperations.RunAsync(contexts, async db =>
        {
            var changed = await db.Sweeps.Where(s => s.Id == sweep.Id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.Status, sweep.Status.ToString())
                .SetProperty(s => s.EndedAt, sweep.EndedAt)
                .SetProperty(s => s.StopRequested, sweep.StopRequested)
                .SetProperty(s => s.DisplayName, sweep.DisplayName), cancellationToken).ConfigureAwait(false);
            return changed == 1 ? changed : throw new InvalidOperationException($"Sweep '{sweep.Id}' does not exist.");
        }, cancellationToken);
    }

    public Task SaveMemberAsync(SweepMemberRecord member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return StudioDbOperations.RunAsync(contexts, async db =>
        {
            var changed = await db.SweepMembers.Where(m => m.SweepId == member.SweepId && m.Index == member.Index).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, member.State.ToString())
                .SetProperty(m => m.ExecutionId, member.ExecutionId)
                .SetProperty(m => m.Note, member.Note), cancellationToken).ConfigureAwait(false);
            return changed == 1 ? changed : throw new InvalidOperationException($"Sweep '{member.SweepId}' has no member {member.Index}.");
        }, cancellationToken);
    }

    public Task<SweepRecord?> GetAsync(string sweepId, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var row = await db.Sweeps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sweepId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToRecord(row);
        }, cancellationToken);

    public Task<IReadOnlyList<SweepMemberRecord>> ListMembersAsync(string sweepId, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var rows = await db.SweepMembers.AsNoTracking().Where(m => m.SweepId == sweepId).OrderBy(m => m.Index)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<SweepMemberRecord>)rows.ConvertAll(ToRecord);
        }, cancellationToken);

    public Task<IReadOnlyList<SweepSummary>> ListAsync(string? pipelineName = null, int limit = 50, int offset = 0, CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var query = db.Sweeps.AsNoTracking();
            if (pipelineName is not null)
            {
                query = query.Where(s => s.PipelineName == pipelineName);
            }

            var sweeps = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(offset).Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var ids = sweeps.ConvertAll(s => s.Id);

            // One grouped query for the whole page's counts rather than one per sweep.
            var counts = await db.SweepMembers.AsNoTracking().Where(m => ids.Contains(m.SweepId))
                .GroupBy(m => new { m.SweepId, m.State }).Select(g => new { g.Key.SweepId, g.Key.State, Count = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<SweepSummary>)sweeps.ConvertAll(s => new SweepSummary(
                ToRecord(s),
                counts.Where(c => c.SweepId == s.Id).ToDictionary(c => Enum.Parse<SweepMemberState>(c.State), c => c.Count)));
        }, cancellationToken);

    public Task<IReadOnlyList<SweepRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default) =>
        StudioDbOperations.RunAsync(contexts, async db =>
        {
            var running = nameof(SweepStatus.Running);
            var rows = await db.Sweeps.AsNoTracking().Where(s => s.Status == running).ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<SweepRecord>)rows.ConvertAll(ToRecord);
        }, cancellationToken);

    private static SweepEntity ToEntity(SweepRecord sweep) => new()
    {
        Id = sweep.Id,
        PipelineName = sweep.PipelineName,
        PipelineVersion = sweep.PipelineVersion,
        Mode = sweep.Mode.ToString(),
        SpecJson = sweep.SpecJson,
        Concurrency = sweep.Concurrency,
        FailFast = sweep.FailFast,
        Status = sweep.Status.ToString(),
        CreatedAt = sweep.CreatedAt,
        CreatedBy = sweep.CreatedBy,
        EndedAt = sweep.EndedAt,
        DisplayName = sweep.DisplayName,
        StopRequested = sweep.StopRequested,
    };

    private static SweepMemberEntity ToEntity(SweepMemberRecord member) => new()
    {
        SweepId = member.SweepId,
        Index = member.Index,
        ParametersJson = JsonSerializer.Serialize(member.Parameters),
        State = member.State.ToString(),
        ExecutionId = member.ExecutionId,
        Note = member.Note,
    };

    private static SweepRecord ToRecord(SweepEntity row) => new(
        row.Id, row.PipelineName, row.PipelineVersion, Enum.Parse<SweepMode>(row.Mode), row.SpecJson, row.Concurrency, row.FailFast,
        Enum.Parse<SweepStatus>(row.Status), row.CreatedAt, row.CreatedBy, row.EndedAt, row.DisplayName, row.StopRequested);

    private static SweepMemberRecord ToRecord(SweepMemberEntity row) => new(
        row.SweepId, row.Index, JsonSerializer.Deserialize<Dictionary<string, string>>(row.ParametersJson) ?? [],
        Enum.Parse<SweepMemberState>(row.State), row.ExecutionId, row.Note);
}
