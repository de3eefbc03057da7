namespace PipelineStudio.Core.Runs;

/// <summary>
/// Something that happened to an execution, announced after it was stored. Subscribers get a snapshot
/// first and these afterwards; <see cref="Sequence"/> orders events of one execution.
/// </summary>
public abstract record RunEvent(string ExecutionId, long Sequence, DateTimeOffset Time);

public sealed record ExecutionChanged(ExecutionRecord Execution, long Sequence, DateTimeOffset Time)
    : RunEvent(Execution.Id, Sequence, Time);

public sealed record StepChanged(StepRecord Step, long Sequence, DateTimeOffset Time)
    : RunEvent(Step.ExecutionId, Sequence, Time);

public sealed record AttemptChanged(AttemptRecord Attempt, long Sequence, DateTimeOffset Time)
    : RunEvent(Attempt.ExecutionId, Sequence, Time);

/// <summary>A line of a step attempt's log (stdout and stderr interleaved as they came).</summary>
public sealed record LogLineAppended(string ExecutionIdValue, string StepName, int Attempt, string Line, long Sequence, DateTimeOffset Time)
    : RunEvent(ExecutionIdValue, Sequence, Time);
