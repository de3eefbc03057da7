using System.Globalization;
using System.Text;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>The edges of one style (association type): a curve per edge, and all their arrowheads as one path.</summary>
public sealed record LineageEdgeGroup(string Modifier, IReadOnlyList<string> Curves, string Arrowheads);

/// <summary>One edge drawn on its own (a highlighted path's), with its curve and arrowhead.</summary>
public sealed record LineageDrawnEdge(LineageViewEdge Edge, string Curve, string Arrowhead);

/// <summary>
/// Edge geometry shared by the explorer and the SVG export: a curve from the source's right side to the target's left
/// side with horizontal tangents at both ends, so the arrowhead at the target always points right. The explorer draws a
/// bare path per curve (the browser skips rasterising those off screen; merged into one path, every long dashed curve was
/// dashed again for every tile) and the arrowheads of one style as a single path.
/// </summary>
public static class LineageEdgePaths
{
    public const double ArrowLength = 9;
    private const double ArrowHalfWidth = 4.5;

    /// <summary>Edges grouped by style in the order of <see cref="LineageEdgeStyles.DrawingOrder"/>; edges whose ends are not drawn are left out.</summary>
    public static IReadOnlyList<LineageEdgeGroup> Group(LineageView view)
    {
        var groups = new Dictionary<string, (List<string> Curves, StringBuilder Arrowheads)>(StringComparer.Ordinal);
        foreach (var edge in view.Edges)
        {
            if (Draw(view, edge) is not { } drawn)
            {
                continue;
            }

            var modifier = LineageEdgeStyles.ModifierOf(edge.Type);
            if (!groups.TryGetValue(modifier, out var group))
            {
                groups[modifier] = group = ([], new StringBuilder());
            }

            group.Curves.Add(drawn.Curve);
            group.Arrowheads.Append(drawn.Arrowhead).Append(' ');
        }

        return [.. groups.OrderBy(g => Order(g.Key)).Select(g => new LineageEdgeGroup(g.Key, g.Value.Curves, g.Value.Arrowheads.ToString().TrimEnd()))];
    }

    /// <summary>One edge's curve and arrowhead, or null when either end is not in the view.</summary>
    public static LineageDrawnEdge? Draw(LineageView view, LineageViewEdge edge)
    {
        if (view.Find(edge.From) is not { } from || view.Find(edge.To) is not { } to)
        {
            return null;
        }

        var (x1, y1) = (from.X + LineageView.NodeWidth, from.Y + (LineageView.NodeHeight / 2));
        var (x2, y2) = (to.X, to.Y + (LineageView.NodeHeight / 2));
        var bend = Math.Max(40, Math.Abs(x2 - x1) / 2);
        var end = x2 - ArrowLength + 1; // the curve stops under the arrowhead, so a thick highlighted stroke does not poke through its tip
        return new LineageDrawnEdge(
            edge,
            F($"M{x1:0.#},{y1:0.#} C{x1 + bend:0.#},{y1:0.#} {end - bend:0.#},{y2:0.#} {end:0.#},{y2:0.#}"),
            F($"M{x2 - ArrowLength:0.#},{y2 - ArrowHalfWidth:0.#} L{x2:0.#},{y2:0.#} L{x2 - ArrowLength:0.#},{y2 + ArrowHalfWidth:0.#} Z"));
    }

    private static int Order(string modifier)
    {
        for (var index = 0; index < LineageEdgeStyles.DrawingOrder.Count; index++)
        {
            if (LineageEdgeStyles.DrawingOrder[index] == modifier)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
