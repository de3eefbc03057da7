using System.Globalization;
using System.Text;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>The edges of one style (association type): a curve per edge, and all their arrowheads as one path.</summary>
public sealed record LineageEdgeGroup(string Modifier, IReadOnlyList<string> Curves, string Arrowheads);

/// <summary>One edge's curve and arrowhead; <see cref="Bottom"/> bounds how far below the nodes the curve may reach.</summary>
public sealed record LineageDrawnEdge(LineageViewEdge Edge, string Curve, string Arrowhead, double Bottom);

/// <summary>
/// Edge geometry shared by the explorer and the SVG export: a curve from the source's right side to the target's left
/// side, leaving and arriving horizontally when it runs with the flow, dipping below the row when it runs against it
/// (DerivedFrom points from a model back to its data). The explorer draws a
/// bare path per curve (the browser skips rasterising those off screen; merged into one path, every long dashed curve was
/// dashed again for every tile) and the arrowheads of one style as a single path.
/// </summary>
public static class LineageEdgePaths
{
    public const double ArrowLength = 9;
    private const double ArrowHalfWidth = 4.5;
    private const double ForwardGap = 20;
    private const double BackwardBend = 70;
    private const double BackwardDip = 60;
    private const double BackwardDipMax = 240;

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
        var forward = x2 - x1 >= ForwardGap;
        var bend = forward ? Math.Max(40, (x2 - x1) / 2) : BackwardBend;

        // An edge against the flow (a model DerivedFrom its data) dips below the row instead of running straight back
        // through the nodes between its ends; deeper the further it goes.
        var dip = forward ? 0 : BackwardDip + Math.Min(BackwardDipMax, (x1 - x2) * 0.1);
        var (c1x, c1y, c2x, c2y) = (x1 + bend, y1 + dip, x2 - bend, y2 + dip);

        // The curve stops under the arrowhead (so a thick highlighted stroke does not poke through its tip), and the
        // arrowhead points along the curve's last tangent.
        var (dx, dy) = (x2 - c2x, y2 - c2y);
        var length = Math.Max(Math.Sqrt((dx * dx) + (dy * dy)), 0.001);
        var (ux, uy) = (dx / length, dy / length);
        var (ex, ey) = (x2 - (ux * (ArrowLength - 1)), y2 - (uy * (ArrowLength - 1)));
        var (bx, by) = (x2 - (ux * ArrowLength), y2 - (uy * ArrowLength));
        return new LineageDrawnEdge(
            edge,
            F($"M{x1:0.#},{y1:0.#} C{c1x:0.#},{c1y:0.#} {c2x:0.#},{c2y:0.#} {ex:0.#},{ey:0.#}"),
            F($"M{bx - (uy * ArrowHalfWidth):0.#},{by + (ux * ArrowHalfWidth):0.#} L{x2:0.#},{y2:0.#} L{bx + (uy * ArrowHalfWidth):0.#},{by - (ux * ArrowHalfWidth):0.#} Z"),
            Math.Max(Math.Max(y1, y2), Math.Max(c1y, c2y)));
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
