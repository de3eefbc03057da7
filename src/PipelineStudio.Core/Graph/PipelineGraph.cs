using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Graph;

/// <summary>
/// The dependency graph of a definition: one node per named step (branch steps included) and one
/// edge per ordered pair of steps, from DependsOn, step references and Condition branches.
/// Every traversal is iterative, so hostile or very large definitions cannot overflow the stack.
/// </summary>
public sealed partial class PipelineGraph
{
    private readonly Dictionary<string, int> _indexByName;
    private readonly List<int>[] _successors;
    private readonly List<int>[] _predecessors;
    private readonly List<GraphEdge>[] _edgesOut;
    private readonly List<GraphEdge>[] _edgesIn;

    private PipelineGraph(List<string> nodes, Dictionary<string, int> indexByName, List<GraphEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
        _indexByName = indexByName;
        _successors = NewLists<int>(nodes.Count);
        _predecessors = NewLists<int>(nodes.Count);
        _edgesOut = NewLists<GraphEdge>(nodes.Count);
        _edgesIn = NewLists<GraphEdge>(nodes.Count);
        foreach (var edge in edges)
        {
            var from = indexByName[edge.From];
            var to = indexByName[edge.To];
            _successors[from].Add(to);
            _predecessors[to].Add(from);
            _edgesOut[from].Add(edge);
            _edgesIn[to].Add(edge);
        }
    }

    /// <summary>Step names in definition order (<see cref="PipelineDefinition.AllSteps"/>); unnamed steps are left out, duplicates appear once.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>One edge per (From, To) pair, in the order first found.</summary>
    public IReadOnlyList<GraphEdge> Edges { get; }

    /// <summary>Builds the graph. Never throws: dangling and self references are simply not edges.</summary>
    public static PipelineGraph Build(PipelineDefinition definition)
    {
        var nodes = new List<string>();
        var indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in definition.AllSteps)
        {
            if (step.Name is { } name && indexByName.TryAdd(name, nodes.Count))
            {
                nodes.Add(name);
            }
        }

        var edges = new EdgeCollector(indexByName);
        foreach (var step in definition.AllSteps)
        {
            if (step.Name is not { } name)
            {
                continue;
            }

            foreach (var dependency in step.DependsOn)
            {
                edges.Add(dependency, name, EdgeKind.DependsOn);
            }

            foreach (var reference in step.Expressions.References)
            {
                if (reference.Kind == ReferenceKind.Step)
                {
                    edges.Add(reference.Target, name, EdgeKind.Reference);
                }
            }

            AddBranchEdges(edges, name, step.IfSteps, EdgeKind.IfBranch);
            AddBranchEdges(edges, name, step.ElseSteps, EdgeKind.ElseBranch);
        }

        return new PipelineGraph(nodes, indexByName, edges.ToList());
    }

    /// <summary>Edges ending at the step; empty for an unknown step.</summary>
    public IReadOnlyList<GraphEdge> EdgesInto(string step) =>
        _indexByName.TryGetValue(step, out var i) ? _edgesIn[i] : [];

    /// <summary>Edges starting at the step; empty for an unknown step.</summary>
    public IReadOnlyList<GraphEdge> EdgesOutOf(string step) =>
        _indexByName.TryGetValue(step, out var i) ? _edgesOut[i] : [];

    /// <summary>Every step that must finish before this one, transitively (the step itself excluded, even on a cycle).</summary>
    public IReadOnlySet<string> Upstream(string step) => Reachable(step, _predecessors);

    /// <summary>Every step that waits for this one, transitively (the step itself excluded, even on a cycle).</summary>
    public IReadOnlySet<string> Downstream(string step) => Reachable(step, _successors);

    private static void AddBranchEdges(EdgeCollector edges, string condition, IReadOnlyList<StepDefinition> branch, EdgeKind kind)
    {
        foreach (var child in branch)
        {
            if (child.Name is { } childName)
            {
                edges.Add(condition, childName, kind);
            }
        }
    }

    private HashSet<string> Reachable(string step, List<int>[] next)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!_indexByName.TryGetValue(step, out var start))
        {
            return result;
        }

        var seen = new bool[Nodes.Count];
        seen[start] = true;
        var pending = new Stack<int>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            foreach (var neighbour in next[pending.Pop()])
            {
                if (!seen[neighbour])
                {
                    seen[neighbour] = true;
                    result.Add(Nodes[neighbour]);
                    pending.Push(neighbour);
                }
            }
        }

        return result;
    }

    private static List<T>[] NewLists<T>(int count)
    {
        var lists = new List<T>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    /// <summary>Keeps one edge per pair, the strongest kind winning: a branch, then DependsOn, then a reference.</summary>
    private sealed class EdgeCollector(Dictionary<string, int> indexByName)
    {
        private readonly List<GraphEdge> _edges = [];
        private readonly Dictionary<(string From, string To), int> _positions = [];

        public void Add(string from, string to, EdgeKind kind)
        {
            if (from == to || !indexByName.ContainsKey(from) || !indexByName.ContainsKey(to))
            {
                return;
            }

            if (!_positions.TryGetValue((from, to), out var position))
            {
                _positions.Add((from, to), _edges.Count);
                _edges.Add(new GraphEdge(from, to, kind));
            }
            else if (Strength(kind) > Strength(_edges[position].Kind))
            {
                _edges[position] = new GraphEdge(from, to, kind);
            }
        }

        public List<GraphEdge> ToList() => _edges;

        private static int Strength(EdgeKind kind) => kind switch
        {
            EdgeKind.IfBranch or EdgeKind.ElseBranch => 2,
            EdgeKind.DependsOn => 1,
            _ => 0,
        };
    }
}
