namespace PipelineStudio.Core.Graph;

/// <summary>Cycles, topological order and layering: iterative, linear (or near-linear) in steps plus edges.</summary>
public sealed partial class PipelineGraph
{
    private const byte Unvisited = 0;
    private const byte OnPath = 1;
    private const byte Finished = 2;

    /// <summary>
    /// Null when the graph is acyclic; otherwise one cycle as step names in edge order, the first
    /// repeated at the end (<c>[A, B, C, A]</c>). The search starts from steps in definition order.
    /// </summary>
    public IReadOnlyList<string>? FindCycle()
    {
        List<string>? cycle = null;
        DepthFirst((path, target) =>
        {
            var start = path.LastIndexOf(target);
            cycle = path.Skip(start).Append(target).Select(i => Nodes[i]).ToList();
            return false;
        });
        return cycle;
    }

    /// <summary>
    /// Null when cyclic; otherwise every step after all of its predecessors. Among steps that are
    /// ready at the same time the earliest in the definition comes first, so the order is stable.
    /// Costs O((V + E) log V) for that tie-breaking.
    /// </summary>
    public IReadOnlyList<string>? TopologicalOrder()
    {
        var inDegree = new int[Nodes.Count];
        foreach (var successors in _successors)
        {
            foreach (var s in successors)
            {
                inDegree[s]++;
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (inDegree[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var order = new List<string>(Nodes.Count);
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(Nodes[node]);
            foreach (var s in _successors[node])
            {
                if (--inDegree[s] == 0)
                {
                    ready.Enqueue(s, s);
                }
            }
        }

        return order.Count == Nodes.Count ? order : null;
    }

    /// <summary>
    /// Longest-path layering: layer 0 holds the steps with no predecessors, every other step sits one
    /// layer after its latest predecessor. Steps keep definition order within a layer. In a cyclic
    /// graph the edges that close a cycle (back edges of a depth-first search) are ignored.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Layers()
    {
        var ignored = new HashSet<(int From, int To)>();
        DepthFirst((path, target) =>
        {
            ignored.Add((path[^1], target));
            return true;
        });

        var inDegree = new int[Nodes.Count];
        for (var from = 0; from < Nodes.Count; from++)
        {
            foreach (var to in _successors[from])
            {
                if (!ignored.Contains((from, to)))
                {
                    inDegree[to]++;
                }
            }
        }

        var layerOf = new int[Nodes.Count];
        var ready = new Queue<int>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (inDegree[i] == 0)
            {
                ready.Enqueue(i);
            }
        }

        var layerCount = Nodes.Count == 0 ? 0 : 1;
        while (ready.TryDequeue(out var from))
        {
            foreach (var to in _successors[from])
            {
                if (ignored.Contains((from, to)))
                {
                    continue;
                }

                layerOf[to] = Math.Max(layerOf[to], layerOf[from] + 1);
                layerCount = Math.Max(layerCount, layerOf[to] + 1);
                if (--inDegree[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        var layers = new List<string>[layerCount];
        for (var i = 0; i < layerCount; i++)
        {
            layers[i] = [];
        }

        for (var i = 0; i < Nodes.Count; i++)
        {
            layers[layerOf[i]].Add(Nodes[i]);
        }

        return layers;
    }

    /// <summary>The node's index in <see cref="Nodes"/>, or -1 when no step has that name.</summary>
    internal int IndexOf(string step) => _indexByName.GetValueOrDefault(step, -1);

    internal IReadOnlyList<int> SuccessorsOf(int node) => _successors[node];

    internal IReadOnlyList<int> PredecessorsOf(int node) => _predecessors[node];

    /// <summary>
    /// Iterative depth-first search from every unvisited step in definition order. Calls
    /// <paramref name="onBackEdge"/> with the current path and the step on it that an edge returns to;
    /// the search stops when the callback returns false.
    /// </summary>
    private void DepthFirst(Func<List<int>, int, bool> onBackEdge)
    {
        var state = new byte[Nodes.Count];
        var nextEdge = new int[Nodes.Count];
        var path = new List<int>();
        for (var root = 0; root < Nodes.Count; root++)
        {
            if (state[root] != Unvisited)
            {
                continue;
            }

            state[root] = OnPath;
            path.Add(root);
            while (path.Count > 0)
            {
                var node = path[^1];
                if (nextEdge[node] == _successors[node].Count)
                {
                    state[node] = Finished;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var next = _successors[node][nextEdge[node]++];
                if (state[next] == OnPath)
                {
                    if (!onBackEdge(path, next))
                    {
                        return;
                    }
                }
                else if (state[next] == Unvisited)
                {
                    state[next] = OnPath;
                    path.Add(next);
                }
            }
        }
    }
}
