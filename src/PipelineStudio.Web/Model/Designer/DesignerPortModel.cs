using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>What drawing a link from a port means.</summary>
public enum PortRole
{
    /// <summary>The step's input (left): links end here.</summary>
    Input,

    /// <summary>"Runs before" (right): a link from here adds the source to the target's DependsOn.</summary>
    Output,

    /// <summary>A Condition's if branch: a link from here moves the target into IfSteps.</summary>
    If,

    /// <summary>A Condition's else branch: a link from here moves the target into ElseSteps.</summary>
    Else,
}

/// <summary>A port of a designer node. Links are drawn from Output/If/Else ports to another step's Input port or body.</summary>
public sealed class DesignerPortModel(DesignerNodeModel parent, PortRole role, PortAlignment alignment)
    : PortModel($"{parent.StepName}:{role}", parent, alignment)
{
    public PortRole Role { get; } = role;

    public DesignerNodeModel Step => (DesignerNodeModel)Parent;

    public override bool CanAttachTo(ILinkable other) => Role != PortRole.Input && other switch
    {
        DesignerPortModel port => port.Role == PortRole.Input && port.Parent != Parent,
        DesignerNodeModel node => node != Parent,
        _ => false,
    };
}
