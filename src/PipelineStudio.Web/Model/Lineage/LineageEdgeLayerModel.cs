using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Models;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// Every edge of a lineage view, drawn by one SVG node at the origin under the nodes (nodes never move, so edges never
/// need to follow them): a bare path per edge instead of a link model with two components, a group, a path and a marker
/// each, which is what kept 2,000-node graphs slow to draw. Edges on the highlighted path are drawn again on top.
/// </summary>
public sealed class LineageEdgeLayerModel : SvgNodeModel
{
    public LineageEdgeLayerModel(LineageView view)
        : base("lineage-edges", new Point(0, 0))
    {
        View = view;
        Groups = LineageEdgePaths.Group(view);
        Size = new Size(Math.Max(view.Width, 1), Math.Max(view.Height, 1));
        ControlledSize = true;
        Locked = true;
    }

    public LineageView View { get; }

    public IReadOnlyList<LineageEdgeGroup> Groups { get; }

    public IReadOnlyList<LineageDrawnEdge> OnPath { get; private set; } = [];

    /// <summary>Sets the highlighted edges; true when they changed, so the layer is redrawn only then.</summary>
    public bool Mark(LineagePath path)
    {
        var keys = OnPath.Select(e => e.Edge.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.SetEquals(path.EdgeKeys))
        {
            return false;
        }

        OnPath = [.. View.Edges.Where(e => path.EdgeKeys.Contains(e.Key)).Select(e => LineageEdgePaths.Draw(View, e)).OfType<LineageDrawnEdge>()];
        return true;
    }
}
