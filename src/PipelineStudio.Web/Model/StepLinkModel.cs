using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Positions;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Web.Model;

/// <summary>
/// An edge of the pipeline graph. It leaves the source's right edge and enters the target's left
/// edge, which suits the left-to-right layered layout.
/// </summary>
public sealed class StepLinkModel : LinkModel
{
    public StepLinkModel(StepNodeModel source, StepNodeModel target, EdgeKind kind)
        : base(
            $"{source.StepName}->{target.StepName}:{kind}",
            new DynamicAnchor(source, [new BoundsBasedPositionProvider(1, 0.5)]),
            new DynamicAnchor(target, [new BoundsBasedPositionProvider(0, 0.5)]))
    {
        Kind = kind;
        SourceStep = source.StepName;
        TargetStep = target.StepName;
        TargetMarker = LinkMarker.Arrow;
        Locked = true;
    }

    public EdgeKind Kind { get; }

    public string SourceStep { get; }

    public string TargetStep { get; }

    /// <summary>"if" or "else" on branch edges; null on the others.</summary>
    public string? BranchLabel => Kind switch
    {
        EdgeKind.IfBranch => "if",
        EdgeKind.ElseBranch => "else",
        _ => null,
    };

    /// <summary>The CSS modifier the link widget uses to pick stroke and dash.</summary>
    public string CssModifier => Kind switch
    {
        EdgeKind.DependsOn => "depends-on",
        EdgeKind.Reference => "reference",
        EdgeKind.IfBranch => "if-branch",
        EdgeKind.ElseBranch => "else-branch",
        _ => "other",
    };
}
