namespace PipelineStudio.Persistence.Entities;

/// <summary>One immutable version of a pipeline. Rows are only ever inserted, never updated.</summary>
public sealed class PipelineVersionEntity
{
    public int Id { get; set; }

    public int PipelineId { get; set; }

    public PipelineEntity Pipeline { get; set; } = null!;

    /// <summary>1, 2, 3, ... per pipeline; unique together with <see cref="PipelineId"/>.</summary>
    public int Version { get; set; }

    public required string DefinitionJson { get; set; }

    /// <summary>The text exactly as imported, when this version came from an import.</summary>
    public string? OriginalJson { get; set; }

    public required string Author { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int StepCount { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="DefinitionJson"/>.</summary>
    public required string ContentHash { get; set; }
}
