namespace PipelineStudio.Persistence.Entities;

/// <summary>One attempt of a step run; the key is (ExecutionId, StepName, Attempt).</summary>
public sealed class StepAttemptEntity
{
    public required string ExecutionId { get; set; }

    public required string StepName { get; set; }

    /// <summary>1, 2, 3, ... per step run.</summary>
    public int Attempt { get; set; }

    /// <summary>The <see cref="Core.Runs.StepStatus"/> name.</summary>
    public required string Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? FailureReason { get; set; }

    public string? FailureKind { get; set; }

    public StepRunEntity StepRun { get; set; } = null!;
}
