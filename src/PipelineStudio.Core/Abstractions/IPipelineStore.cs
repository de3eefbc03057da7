namespace PipelineStudio.Core.Abstractions;

/// <summary>A pipeline as listed: its name and what its newest version says about it.</summary>
public sealed record PipelineSummary(
    string Name,
    string? DisplayName,
    string? Description,
    int LatestVersion,
    int StepCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One immutable version of a pipeline, without its definition text.</summary>
public sealed record PipelineVersionInfo(
    string PipelineName,
    int Version,
    string Author,
    string Message,
    DateTimeOffset CreatedAt,
    int StepCount,
    string ContentHash);

/// <summary>One version with its definition. <see cref="OriginalJson"/> is the text exactly as imported, when it was imported.</summary>
public sealed record PipelineVersion(PipelineVersionInfo Info, string DefinitionJson, string? OriginalJson);

/// <summary>What to save as the next version of a pipeline (the pipeline is created on its first save).</summary>
public sealed record SavePipelineVersion(
    string Name,
    string DefinitionJson,
    string Author,
    string Message,
    int StepCount,
    string? OriginalJson = null,
    string? DisplayName = null,
    string? Description = null,
    int? ExpectedLatestVersion = null);

/// <summary>Raised when a save names an <see cref="SavePipelineVersion.ExpectedLatestVersion"/> that is no longer the latest.</summary>
public sealed class PipelineVersionConflictException(string name, int expected, int actual)
    : Exception($"Pipeline '{name}' is at version {actual}, not {expected}: someone else saved in between.")
{
    public string PipelineName { get; } = name;
    public int ExpectedVersion { get; } = expected;
    public int ActualVersion { get; } = actual;
}

/// <summary>
/// Pipelines and their immutable versions. Every save appends a version numbered 1, 2, 3, ...;
/// nothing is ever updated in place.
/// </summary>
public interface IPipelineStore
{
    /// <summary>Pipelines whose name, display name or description contains <paramref name="search"/> (case-insensitive), by name.</summary>
    Task<IReadOnlyList<PipelineSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default);

    Task<PipelineSummary?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The newest version, or null when the pipeline does not exist.</summary>
    Task<PipelineVersion?> GetLatestAsync(string name, CancellationToken cancellationToken = default);

    Task<PipelineVersion?> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default);

    /// <summary>Versions newest first; empty when the pipeline does not exist.</summary>
    Task<IReadOnlyList<PipelineVersionInfo>> ListVersionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Appends a version atomically. Throws <see cref="PipelineVersionConflictException"/> on a stale expected version.</summary>
    Task<PipelineVersionInfo> SaveAsync(SavePipelineVersion request, CancellationToken cancellationToken = default);
}
