using System.Globalization;
using System.Net;
using System.Text;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// The view as a standalone SVG drawn from the laid-out positions (no browser needed): the same shapes, colours and
/// edge styles as the explorer, on a white background so it pastes into documents.
/// </summary>
public static class LineageSvgWriter
{
    private const double Margin = 24;

    public static string Write(LineageView view, LineagePath path)
    {
        var svg = new StringBuilder();
        var edges = view.Edges.Select(e => LineageEdgePaths.Draw(view, e)).OfType<LineageDrawnEdge>().ToList();
        var width = view.Width + (2 * Margin);
        var height = Math.Max(view.Height, edges.Select(e => e.Bottom).DefaultIfEmpty(0).Max()) + (2 * Margin);
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"{-Margin:0} {-Margin:0} {width:0} {height:0}\" font-family=\"Roboto, Helvetica, Arial, sans-serif\">"));
        svg.Append(F($"<rect x=\"{-Margin:0}\" y=\"{-Margin:0}\" width=\"{width:0}\" height=\"{height:0}\" fill=\"#ffffff\"/>"));
        foreach (var drawn in edges)
        {
            var edge = drawn.Edge;
            var (stroke, dash) = LineageEdgeStyles.SvgStrokeOf(edge.Type);
            var onPath = path.EdgeKeys.Contains(edge.Key);
            var colour = onPath ? "#ff6f00" : stroke;
            svg.Append(F($"<path d=\"{drawn.Curve}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(onPath ? 4 : 2)}\""))
                .Append(dash is null || onPath ? "" : $" stroke-dasharray=\"{dash}\"")
                .Append(F($" data-type=\"{edge.Type}\"/><path d=\"{drawn.Arrowhead}\" fill=\"{colour}\"/>"));
        }

        foreach (var node in view.Nodes)
        {
            var style = node.Style;
            var radius = style.Shape switch
            {
                LineageShape.Pill => LineageView.NodeHeight / 2,
                LineageShape.Rectangle => 2,
                _ => 10,
            };
            var onPath = path.NodeIds.Contains(node.Id);
            svg.Append(F($"<g data-entity=\"{Escape(node.Id)}\" data-type=\"{Escape(node.Type)}\" transform=\"translate({node.X:0.#},{node.Y:0.#})\">"))
                .Append(F($"<rect width=\"{LineageView.NodeWidth}\" height=\"{LineageView.NodeHeight}\" rx=\"{radius:0.#}\" fill=\"#ffffff\" stroke=\"{(onPath ? "#ff6f00" : style.Color)}\" stroke-width=\"{(onPath || node.Id == view.RootId ? 3 : 1.5)}\"/>"))
                .Append(F($"<rect x=\"{(style.Shape == LineageShape.Pill ? 14 : 0)}\" y=\"8\" width=\"4\" height=\"{LineageView.NodeHeight - 16}\" fill=\"{style.Color}\"/>"))
                .Append(F($"<text x=\"{(style.Shape == LineageShape.Pill ? 26 : 14)}\" y=\"24\" font-size=\"13\" font-weight=\"600\" fill=\"#212121\">{Escape(Shorten(node.Name, 26))}</text>"))
                .Append(F($"<text x=\"{(style.Shape == LineageShape.Pill ? 26 : 14)}\" y=\"42\" font-size=\"11\" fill=\"{style.Color}\">{Escape(style.ShortType)}</text>"))
                .Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
