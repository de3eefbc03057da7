namespace PipelineStudio.Core.Lineage;

/// <summary>QueryLineage's Direction.</summary>
public enum LineageDirection
{
    Upstream,
    Downstream,
    Both,
}

/// <summary>
/// A walk from one entity. Filters apply to what is returned; the walk itself goes through every entity within the depth
/// (as SageMaker's QueryLineage does), so a filtered type does not cut the paths behind it.
/// </summary>
/// <param name="MaxDepth">Hops from the start, 1 to <see cref="DepthLimit"/>.</param>
/// <param name="MaxNodes">A cap on returned entities; <see cref="LineageGraph.Truncated"/> says when it was reached.</param>
public sealed record LineageQuery(
    string StartId,
    LineageDirection Direction = LineageDirection.Both,
    int MaxDepth = 3,
    IReadOnlyCollection<string>? EntityTypes = null,
    IReadOnlyCollection<string>? AssociationTypes = null,
    int MaxNodes = 5_000)
{
    public const int DepthLimit = 20;
}

/// <summary>An entity reached by a walk, with its distance from the start.</summary>
public sealed record LineageNode(LineageEntity Entity, int Depth);

/// <summary>What a walk or path query found.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageAssociation> Edges, bool Truncated = false)
{
    public static LineageGraph Empty { get; } = new([], []);
}
