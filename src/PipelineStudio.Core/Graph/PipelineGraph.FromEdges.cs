namespace PipelineStudio.Core.Graph;

/// <summary>A graph from plain nodes and edges, so other graphs (lineage) share the layering and layout.</summary>
public sealed partial class PipelineGraph
{
    /// <summary>
    /// Nodes keep the given order (first occurrence wins); edges between unknown nodes, self edges and repeated
    /// (From, To) pairs are dropped, so any input gives a valid graph.
    /// </summary>
    public static PipelineGraph FromEdges(IEnumerable<string> nodes, IEnumerable<(string From, string To)> edges)
    {
        var names = new List<string>();
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (indexByName.TryAdd(node, names.Count))
            {
                names.Add(node);
            }
        }

        var collector = new EdgeCollector(indexByName);
        foreach (var (from, to) in edges)
        {
            collector.Add(from, to, EdgeKind.DependsOn);
        }

        return new PipelineGraph(names, indexByName, collector.ToList());
    }
}
