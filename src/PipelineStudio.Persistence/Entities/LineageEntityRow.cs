namespace PipelineStudio.Persistence.Entities;

/// <summary>A lineage vertex (see <see cref="Core.Lineage.LineageEntity"/>). Written and read by <see cref="Stores.SqliteLineageStore"/>'s SQL.</summary>
public sealed class LineageEntityRow
{
    public required string Id { get; set; }

    /// <summary>The <see cref="Core.Lineage.LineageKind"/> name.</summary>
    public required string Kind { get; set; }

    public required string Type { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? SourceUri { get; set; }

    public string? ContentHash { get; set; }

    public long? Size { get; set; }

    public string? ExecutionId { get; set; }

    public string? StepName { get; set; }

    /// <summary>Free-form properties as a JSON object of strings.</summary>
    public string? PropertiesJson { get; set; }
}
