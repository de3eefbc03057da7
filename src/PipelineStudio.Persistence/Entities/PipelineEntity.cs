namespace PipelineStudio.Persistence.Entities;

/// <summary>A pipeline row: the name users address it by and what describes it. Its content lives in versions.</summary>
public sealed class PipelineEntity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the newest version was saved.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PipelineVersionEntity> Versions { get; } = [];
}
