using PipelineStudio.Core.Runs;

namespace PipelineStudio.Core.Sweeps;

/// <summary>Where a sweep is: running, or how it ended.</summary>
public enum SweepStatus
{
    Running,

    /// <summary>Every member ran and none failed.</summary>
    Completed,

    /// <summary>At least one member failed (with fail-fast, the others were stopped or never started).</summary>
    Failed,

    /// <summary>Someone stopped the sweep, or a member's execution was stopped.</summary>
    Stopped,
}

/// <summary>Where one member of a sweep is. Running and the finished states follow its execution.</summary>
public enum SweepMemberState
{
    /// <summary>Waiting for a free slot under the concurrency cap.</summary>
    Pending,
    Running,
    Succeeded,
    Failed,
    Stopped,

    /// <summary>Never started: the sweep was stopped or failed fast before its turn.</summary>
    NotStarted,
}

/// <summary>One sweep as stored: what was asked and where it is.</summary>
/// <param name="SpecJson">The <see cref="SweepSpec"/> the members were planned from (<see cref="SweepSpecJson"/>).</param>
/// <param name="Concurrency">At most this many members run at once.</param>
/// <param name="FailFast">When a member fails, stop the running ones and start no more.</param>
/// <param name="StopRequested">Someone asked the sweep to stop; it ends Stopped once its running members have.</param>
public sealed record SweepRecord(
    string Id,
    string PipelineName,
    int PipelineVersion,
    SweepMode Mode,
    string SpecJson,
    int Concurrency,
    bool FailFast,
    SweepStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? EndedAt = null,
    string? DisplayName = null,
    bool StopRequested = false);

/// <summary>One planned execution of a sweep.</summary>
/// <param name="ExecutionId">Null until the member started.</param>
/// <param name="Note">Why it failed to start or was not started, in a sentence.</param>
public sealed record SweepMemberRecord(
    string SweepId,
    int Index,
    IReadOnlyDictionary<string, string> Parameters,
    SweepMemberState State,
    string? ExecutionId = null,
    string? Note = null)
{
    public bool IsFinished => State is SweepMemberState.Succeeded or SweepMemberState.Failed
        or SweepMemberState.Stopped or SweepMemberState.NotStarted;

    /// <summary>The member state an execution status ends it in; null while the execution runs.</summary>
    public static SweepMemberState? FinalStateOf(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => SweepMemberState.Succeeded,
        ExecutionStatus.Failed => SweepMemberState.Failed,
        ExecutionStatus.Stopped => SweepMemberState.Stopped,
        _ => null,
    };
}

/// <summary>A sweep as listed, with how many of its members are in each state.</summary>
public sealed record SweepSummary(SweepRecord Sweep, IReadOnlyDictionary<SweepMemberState, int> MemberCounts)
{
    public int Total => MemberCounts.Values.Sum();

    public int Finished => MemberCounts.Where(c => c.Key is not (SweepMemberState.Pending or SweepMemberState.Running)).Sum(c => c.Value);

    public int Count(SweepMemberState state) => MemberCounts.GetValueOrDefault(state);
}
