using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// The raw graph behind the view: the root's walk plus one depth-1 walk per expanded node, merged. Each entity keeps
/// its smallest distance from the root's walk (expanded neighbours count one past the node expanded).
/// </summary>
public sealed class LineageGraphData
{
    private readonly Dictionary<string, LineageNode> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<LineageAssociation> _edges = [];

    public IReadOnlyCollection<LineageNode> Nodes => _nodes.Values;

    public IReadOnlyCollection<LineageAssociation> Edges => _edges;

    /// <summary>A walk hit the node cap: the view is missing entities.</summary>
    public bool Truncated { get; private set; }

    public LineageEntity? Find(string id) => _nodes.GetValueOrDefault(id)?.Entity;

    /// <summary>Loads what <paramref name="state"/> asks for around <paramref name="rootId"/>; an unknown expanded id adds nothing.</summary>
    public static async Task<LineageGraphData> LoadAsync(ILineageStore store, string rootId, LineageViewState state, CancellationToken cancellationToken = default)
    {
        var data = new LineageGraphData();
        data.Merge(await store.QueryAsync(new LineageQuery(rootId, state.Direction, state.Depth, MaxNodes: LineageViewState.MaxNodes), cancellationToken), 0);
        foreach (var id in state.Expanded)
        {
            if (data.Count >= LineageViewState.MaxNodes)
            {
                data.Truncated = true;
                break;
            }

            var offset = data._nodes.TryGetValue(id, out var expanded) ? expanded.Depth : 0;
            data.Merge(await store.QueryAsync(new LineageQuery(id, LineageDirection.Both, 1, MaxNodes: LineageViewState.MaxNodes), cancellationToken), offset);
        }

        return data;
    }

    public int Count => _nodes.Count;

    public void Merge(LineageGraph graph, int depthOffset)
    {
        foreach (var node in graph.Nodes)
        {
            var depth = node.Depth + depthOffset;
            if (!_nodes.TryGetValue(node.Entity.Id, out var known) || known.Depth > depth)
            {
                _nodes[node.Entity.Id] = node with { Depth = depth };
            }
        }

        _edges.UnionWith(graph.Edges.Where(e => _nodes.ContainsKey(e.SourceId) && _nodes.ContainsKey(e.DestinationId)));
        Truncated |= graph.Truncated;
    }
}
