namespace PipelineStudio.Persistence.Entities;

/// <summary>
/// One pipeline execution. Written by <see cref="Stores.SqliteRunStore"/>'s raw upserts (the column names are
/// part of that SQL), read through EF.
/// </summary>
public sealed class ExecutionEntity
{
    public required string Id { get; set; }

    public required string PipelineName { get; set; }

    public int PipelineVersion { get; set; }

    /// <summary>The <see cref="Core.Runs.ExecutionStatus"/> name, so the file stays readable and enum reorders are harmless.</summary>
    public required string Status { get; set; }

    /// <summary>Every parameter's wire value as a JSON object of strings.</summary>
    public required string ParametersJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? FailureReason { get; set; }

    public string? DisplayName { get; set; }

    public int? MaxParallelSteps { get; set; }

    public string? SourceExecutionId { get; set; }

    /// <summary>A JSON array of step names for a selective run; null for a full run.</summary>
    public string? SelectedStepsJson { get; set; }

    /// <summary>The engine instance that runs the execution (see <see cref="Core.Abstractions.IExecutionLeases"/>).</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public List<StepRunEntity> Steps { get; } = [];
}
