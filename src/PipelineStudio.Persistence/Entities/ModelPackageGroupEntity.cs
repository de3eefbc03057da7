namespace PipelineStudio.Persistence.Entities;

/// <summary>A model package group: the name RegisterModel steps register versions under.</summary>
public sealed class ModelPackageGroupEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ModelPackageEntity> Packages { get; } = [];
}
