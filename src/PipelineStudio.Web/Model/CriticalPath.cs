using PipelineStudio.Core.Graph;

namespace PipelineStudio.Web.Model;

/// <summary>When a step was busy in an execution: from its start to its end (or to now while it runs).</summary>
public readonly record struct StepSpan(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The chain of steps that decided how long an execution took: start at the step that ended last and
/// walk back, each time to the upstream step that ended last (the one the step waited for). Making a
/// step off this chain faster would not have finished the execution sooner.
/// </summary>
public static class CriticalPath
{
    /// <summary>
    /// Step names from the first to the last on the path; empty when no step has a span. Steps without a
    /// span (never ran, reused from another execution) are not part of it. Ties go to the step that
    /// comes first in the graph, so the answer is the same on every render.
    /// </summary>
    public static IReadOnlyList<string> Compute(PipelineGraph graph, IReadOnlyDictionary<string, StepSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(spans);
        var graphOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            graphOrder[node] = graphOrder.Count;
        }

        var last = LatestEnding(graph.Nodes, spans);
        if (last is null)
        {
            return [];
        }

        var path = new List<string> { last };
        var onPath = new HashSet<string>(StringComparer.Ordinal) { last };
        var current = last;
        while (true)
        {
            // Only an upstream step that ended by the time this one started can have held it back.
            var start = spans[current].Start;
            var upstream = graph.EdgesInto(current).Select(e => e.From)
                .Where(name => !onPath.Contains(name) && spans.TryGetValue(name, out var span) && span.End <= start)
                .OrderBy(name => graphOrder[name]);
            var previous = LatestEnding(upstream, spans);
            if (previous is null)
            {
                break;
            }

            path.Add(previous);
            onPath.Add(previous);
            current = previous;
        }

        path.Reverse();
        return path;
    }

    private static string? LatestEnding(IEnumerable<string> candidates, IReadOnlyDictionary<string, StepSpan> spans)
    {
        string? best = null;
        var bestEnd = DateTimeOffset.MinValue;
        foreach (var name in candidates)
        {
            if (spans.TryGetValue(name, out var span) && (best is null || span.End > bestEnd))
            {
                best = name;
                bestEnd = span.End;
            }
        }

        return best;
    }
}
