namespace PipelineStudio.Persistence.Entities;

/// <summary>One change of a package's approval status. Rows are only ever inserted.</summary>
public sealed class ModelApprovalChangeEntity
{
    public int Id { get; set; }

    public int PackageId { get; set; }

    public ModelPackageEntity Package { get; set; } = null!;

    public required string FromStatus { get; set; }

    public required string ToStatus { get; set; }

    public required string ChangedBy { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string Comment { get; set; }
}
