namespace PipelineStudio.Web.Model.Lineage;

/// <summary>A shortest path between two drawn nodes, edges followed either way (how lineage is read).</summary>
public sealed record LineagePath(IReadOnlySet<string> NodeIds, IReadOnlySet<string> EdgeKeys)
{
    public static LineagePath None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public bool IsEmpty => NodeIds.Count == 0;

    /// <summary>Breadth-first over the view's edges; <see cref="None"/> when either end is not drawn or they are not connected.</summary>
    public static LineagePath Find(LineageView view, string fromId, string toId)
    {
        if (view.Find(fromId) is null || view.Find(toId) is null || fromId == toId)
        {
            return None;
        }

        var adjacent = new Dictionary<string, List<LineageViewEdge>>(StringComparer.Ordinal);
        foreach (var edge in view.Edges)
        {
            Add(adjacent, edge.From, edge);
            Add(adjacent, edge.To, edge);
        }

        var reachedBy = new Dictionary<string, LineageViewEdge?>(StringComparer.Ordinal) { [fromId] = null };
        var queue = new Queue<string>([fromId]);
        while (queue.TryDequeue(out var at) && !reachedBy.ContainsKey(toId))
        {
            foreach (var edge in adjacent.GetValueOrDefault(at) ?? [])
            {
                var next = edge.From == at ? edge.To : edge.From;
                if (reachedBy.TryAdd(next, edge))
                {
                    queue.Enqueue(next);
                }
            }
        }

        if (!reachedBy.ContainsKey(toId))
        {
            return None;
        }

        var nodes = new HashSet<string>(StringComparer.Ordinal) { toId };
        var edges = new HashSet<string>(StringComparer.Ordinal);
        for (var at = toId; reachedBy[at] is { } edge;)
        {
            edges.Add(edge.Key);
            at = edge.From == at ? edge.To : edge.From;
            nodes.Add(at);
        }

        return new LineagePath(nodes, edges);
    }

    private static void Add(Dictionary<string, List<LineageViewEdge>> adjacent, string id, LineageViewEdge edge)
    {
        if (!adjacent.TryGetValue(id, out var list))
        {
            adjacent[id] = list = [];
        }

        list.Add(edge);
    }
}
