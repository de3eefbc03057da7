namespace PipelineStudio.Persistence.Entities;

/// <summary>One step of one execution; the key is (ExecutionId, StepName).</summary>
public sealed class StepRunEntity
{
    public required string ExecutionId { get; set; }

    public required string StepName { get; set; }

    /// <summary>The step's position in the definition, so steps list in definition order.</summary>
    public int Ordinal { get; set; }

    /// <summary>Copied from the execution so the cache lookup is one index seek, without a join.</summary>
    public required string PipelineName { get; set; }

    public required string StepType { get; set; }

    /// <summary>The <see cref="Core.Runs.StepStatus"/> name.</summary>
    public required string Status { get; set; }

    public DateTimeOffset? QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int AttemptCount { get; set; }

    public string? FailureReason { get; set; }

    public string? CacheHitSourceExecutionId { get; set; }

    public string? SelectiveSourceExecutionId { get; set; }

    public string? PropertiesJson { get; set; }

    public string? MetadataJson { get; set; }

    public string? CacheKey { get; set; }

    public ExecutionEntity Execution { get; set; } = null!;

    public List<StepAttemptEntity> Attempts { get; } = [];
}
