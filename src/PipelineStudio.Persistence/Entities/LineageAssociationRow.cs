namespace PipelineStudio.Persistence.Entities;

/// <summary>A directed lineage edge; the key is (source, destination, type), so recording it twice stores it once.</summary>
public sealed class LineageAssociationRow
{
    public required string SourceId { get; set; }

    public required string DestinationId { get; set; }

    public required string Type { get; set; }
}
