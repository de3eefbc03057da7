namespace PipelineStudio.Persistence.Entities;

/// <summary>One versioned model package. Only its approval status changes after creation.</summary>
public sealed class ModelPackageEntity
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public ModelPackageGroupEntity Group { get; set; } = null!;

    /// <summary>1, 2, 3, ... per group; unique together with <see cref="GroupId"/>.</summary>
    public int Version { get; set; }

    /// <summary><c>arn:aws:sagemaker:local:000000000000:model-package/&lt;group&gt;/&lt;version&gt;</c>; unique.</summary>
    public required string Arn { get; set; }

    /// <summary>The <see cref="Core.Abstractions.ModelApprovalStatus"/> name.</summary>
    public required string ApprovalStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ExecutionId { get; set; }

    public string? StepName { get; set; }

    public string? InferenceSpecificationJson { get; set; }

    public string? ModelMetricsJson { get; set; }

    public string? Description { get; set; }

    public List<ModelApprovalChangeEntity> ApprovalChanges { get; } = [];
}
