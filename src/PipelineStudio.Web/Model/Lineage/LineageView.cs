using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// One drawn node: an entity, or a collapsed group of artifacts one step run produced (<see cref="Entity"/> null,
/// <see cref="Members"/> the artifacts). <see cref="X"/>/<see cref="Y"/> is the top-left corner from the layered layout.
/// </summary>
public sealed record LineageViewNode(string Id, LineageEntity? Entity, IReadOnlyList<LineageEntity> Members, int Depth, double X, double Y)
{
    public bool IsGroup => Entity is null;

    public string Name => Entity?.Name ?? $"{Members.Count} artifacts";

    public string Type => Entity?.Type ?? "Group";

    public LineageEntityStyle Style => Entity is { } e ? LineageEntityStyles.For(e.Kind, e.Type) : LineageEntityStyles.Group;
}

/// <summary>A drawn edge; <see cref="Key"/> identifies it among the view's edges.</summary>
public sealed record LineageViewEdge(string From, string To, string Type)
{
    public string Key => $"{From}->{To}:{Type}";
}

/// <summary>What the explorer draws: laid-out nodes and edges, plus what the toolbar needs (types present, truncation).</summary>
public sealed class LineageView(
    string rootId, IReadOnlyList<LineageViewNode> nodes, IReadOnlyList<LineageViewEdge> edges, IReadOnlyList<string> types, bool truncated)
{
    /// <summary>Node width and height in diagram units; LineageNodeWidget.razor.css draws nodes at this size.</summary>
    public const double NodeWidth = 210;

    /// <inheritdoc cref="NodeWidth"/>
    public const double NodeHeight = 56;

    private readonly Dictionary<string, LineageViewNode> _byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groupOf = nodes.Where(n => n.IsGroup)
        .SelectMany(g => g.Members.Select(m => (m.Id, g.Id))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    public static LineageView Empty { get; } = new("", [], [], [], false);

    public string RootId { get; } = rootId;

    public IReadOnlyList<LineageViewNode> Nodes { get; } = nodes;

    public IReadOnlyList<LineageViewEdge> Edges { get; } = edges;

    /// <summary>Every type in the loaded graph, shown or hidden, for the filter chips.</summary>
    public IReadOnlyList<string> Types { get; } = types;

    public bool Truncated { get; } = truncated;

    public LineageViewNode? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The node that draws <paramref name="entityId"/>: its own, or the group it was collapsed into.</summary>
    public string? NodeIdOf(string entityId) =>
        _byId.ContainsKey(entityId) ? entityId : _groupOf.GetValueOrDefault(entityId);

    public double Width => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.X) + NodeWidth;

    public double Height => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Y) + NodeHeight;
}
