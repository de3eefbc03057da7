using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>A lineage entity as the API gives it; <c>depth</c> is its distance from the query's start.</summary>
public sealed record LineageNodeResponse(
    string Id, string Arn, string Kind, string Type, string Name, DateTimeOffset CreatedAt, string? SourceUri, string? ContentHash,
    long? Size, string? ExecutionId, string? StepName, int Depth, IReadOnlyDictionary<string, string>? Properties)
{
    public static LineageNodeResponse From(LineageEntity e, int depth) => new(
        e.Id, LineageIds.ArnOf(e), e.Kind.ToString(), e.Type, e.Name, e.CreatedAt, e.SourceUri, e.ContentHash, e.Size, e.ExecutionId, e.StepName, depth,
        e.Properties);
}

public sealed record LineageEdgeResponse(string Source, string Destination, string Type);

/// <summary>The <c>{nodes, edges}</c> of ARCHITECTURE §5.</summary>
public sealed record LineageGraphResponse(string Start, IReadOnlyList<LineageNodeResponse> Nodes, IReadOnlyList<LineageEdgeResponse> Edges, bool Truncated)
{
    public static LineageGraphResponse From(string start, LineageGraph graph) => new(
        start,
        [.. graph.Nodes.Select(n => LineageNodeResponse.From(n.Entity, n.Depth))],
        [.. graph.Edges.Select(e => new LineageEdgeResponse(e.SourceId, e.DestinationId, e.Type))],
        graph.Truncated);
}

/// <summary>An object in the artifact store and the lineage entity that stands for its content, when one was recorded.</summary>
public sealed record ArtifactResponse(string Uri, long Size, string ContentHash, DateTimeOffset LastModified, IReadOnlyList<string> LineageIds)
{
    public static ArtifactResponse From(ArtifactObject artifact, IReadOnlyList<string> lineageIds) =>
        new(artifact.Uri, artifact.Size, artifact.ContentHash, artifact.LastModified, lineageIds);
}
