using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Editing;

/// <summary>Gives steps without a canvas position one (a new document, a step typed into the JSON view).</summary>
public sealed partial class DesignerDocument
{
    private void PlaceUnpositionedSteps()
    {
        var names = StepTree.Names(Root);
        var missing = names.Where(n => !_positions.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var graph = PipelineGraph.Build(Definition);
        if (_positions.Count == 0)
        {
            foreach (var (name, position) in LayeredLayout.Compute(graph, _layout))
            {
                _positions[name] = position;
            }

            return;
        }

        // Next to what the step waits for when that is on the canvas, else below everything; then down until free.
        var columnPitch = _layout.NodeWidth + _layout.LayerGap;
        var rowPitch = _layout.NodeHeight + _layout.NodeGap;
        foreach (var name in missing)
        {
            var placed = graph.EdgesInto(name)
                .Select(e => _positions.TryGetValue(e.From, out var p) ? p : (NodePosition?)null)
                .OfType<NodePosition>()
                .ToList();
            var candidate = placed.Count > 0
                ? new NodePosition(placed.Max(p => p.X) + columnPitch, placed.Min(p => p.Y))
                : new NodePosition(_positions.Values.Min(p => p.X), _positions.Values.Max(p => p.Y) + rowPitch);
            while (_positions.Values.Any(p => Math.Abs(p.X - candidate.X) < _layout.NodeWidth && Math.Abs(p.Y - candidate.Y) < _layout.NodeHeight))
            {
                candidate = candidate with { Y = candidate.Y + rowPitch };
            }

            _positions[name] = candidate;
        }
    }
}
