using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Positions;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>A lineage edge from the source's right side to the target's left side, styled by association type.</summary>
public sealed class LineageLinkModel : LinkModel
{
    public LineageLinkModel(LineageViewEdge edge, LineageNodeModel source, LineageNodeModel target)
        : base(
            edge.Key,
            new DynamicAnchor(source, [new BoundsBasedPositionProvider(1, 0.5)]),
            new DynamicAnchor(target, [new BoundsBasedPositionProvider(0, 0.5)]))
    {
        Edge = edge;
        TargetMarker = LinkMarker.Arrow;
        Locked = true;
    }

    public LineageViewEdge Edge { get; }

    public bool IsOnPath { get; set; }

    /// <summary>The CSS modifier for stroke and dash: contributed-to, produced, derived-from, associated-with, same-as.</summary>
    public string CssModifier => LineageEdgeStyles.ModifierOf(Edge.Type);
}
