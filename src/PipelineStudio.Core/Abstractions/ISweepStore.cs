using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Core.Abstractions;

/// <summary>
/// Sweeps and their members, so a sweep's page survives a reload and the runner can carry on after a restart.
/// Writes return once the change is stored.
/// </summary>
public interface ISweepStore
{
    /// <summary>Stores a new sweep with all its members at once.</summary>
    Task CreateAsync(SweepRecord sweep, IReadOnlyList<SweepMemberRecord> members, CancellationToken cancellationToken = default);

    Task SaveAsync(SweepRecord sweep, CancellationToken cancellationToken = default);

    Task SaveMemberAsync(SweepMemberRecord member, CancellationToken cancellationToken = default);

    Task<SweepRecord?> GetAsync(string sweepId, CancellationToken cancellationToken = default);

    /// <summary>The sweep's members by index; empty when it does not exist.</summary>
    Task<IReadOnlyList<SweepMemberRecord>> ListMembersAsync(string sweepId, CancellationToken cancellationToken = default);

    /// <summary>Sweeps newest first, optionally of one pipeline, with their member counts.</summary>
    Task<IReadOnlyList<SweepSummary>> ListAsync(string? pipelineName = null, int limit = 50, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>Sweeps still Running, e.g. when the studio stopped under them: the runner resumes them at start.</summary>
    Task<IReadOnlyList<SweepRecord>> ListUnfinishedAsync(CancellationToken cancellationToken = default);
}
