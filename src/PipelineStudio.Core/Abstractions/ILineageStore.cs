using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Core.Abstractions;

/// <summary>
/// Lineage entities and associations (SageMaker's model, ARCHITECTURE §3). Recording is idempotent: an entity or
/// association stored twice is stored once, so an engine may record again after a restart.
/// </summary>
public interface ILineageStore
{
    Task RecordAsync(IReadOnlyCollection<LineageEntity> entities, IReadOnlyCollection<LineageAssociation> associations, CancellationToken cancellationToken = default);

    Task<LineageEntity?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Entities whose id, name, source URI or content hash contains the text, newest first.</summary>
    Task<IReadOnlyList<LineageEntity>> SearchAsync(string text, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>Upstream and/or downstream from an entity: one recursive query per direction; an unknown start gives an empty graph.</summary>
    Task<LineageGraph> QueryAsync(LineageQuery query, CancellationToken cancellationToken = default);

    /// <summary>A shortest path between two entities following edges either way, or an empty graph when none is within the depth.</summary>
    Task<LineageGraph> FindPathAsync(string fromId, string toId, int maxDepth = 10, CancellationToken cancellationToken = default);
}
