using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// A link on the designer canvas. Edges of the definition carry their kind; a link being drawn by the user
/// has no kind yet (<see cref="IsDraft"/>) until the document decides what it means.
/// </summary>
public sealed class DesignerLinkModel : LinkModel
{
    /// <summary>An edge of the definition, from the source's port for <paramref name="kind"/> to the target's input.</summary>
    public DesignerLinkModel(DesignerNodeModel source, DesignerNodeModel target, EdgeKind kind)
        : base(KeyOf(source.StepName, target.StepName, kind), new SinglePortAnchor(source.PortFor(RoleOf(kind))), new SinglePortAnchor(target.Input))
    {
        Kind = kind;
        SourceStep = source.StepName;
        TargetStep = target.StepName;
        TargetMarker = LinkMarker.Arrow;

        // References are edited in the step's properties, not on the canvas: selectable for a look, never deletable here.
        Locked = kind == EdgeKind.Reference;
        if (kind is EdgeKind.IfBranch or EdgeKind.ElseBranch)
        {
            Labels.Add(new LinkLabelModel(this, kind == EdgeKind.IfBranch ? "if" : "else"));
        }
    }

    /// <summary>A link the user is drawing from <paramref name="source"/>.</summary>
    public DesignerLinkModel(DesignerPortModel source, Anchor target)
        : base(new SinglePortAnchor(source), target)
    {
        SourceStep = source.Step.StepName;
        SourcePort = source;
        TargetMarker = LinkMarker.Arrow;
    }

    public EdgeKind? Kind { get; }

    public bool IsDraft => Kind is null;

    public string SourceStep { get; }

    public string? TargetStep { get; }

    /// <summary>The port a draft link was drawn from.</summary>
    public DesignerPortModel? SourcePort { get; }

    public string CssModifier => Kind switch
    {
        EdgeKind.DependsOn => "depends-on",
        EdgeKind.Reference => "reference",
        EdgeKind.IfBranch => "if-branch",
        EdgeKind.ElseBranch => "else-branch",
        _ => "draft",
    };

    public static string KeyOf(string from, string to, EdgeKind kind) => $"{from}->{to}:{kind}";

    public static PortRole RoleOf(EdgeKind kind) => kind switch
    {
        EdgeKind.IfBranch => PortRole.If,
        EdgeKind.ElseBranch => PortRole.Else,
        _ => PortRole.Output,
    };
}
