using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// A step on the designer canvas: an input port on the left, an output port (DependsOn) on the right or,
/// for a Condition, an if and an else port on the right and the output port below. Its look follows the step it shows and
/// is updated in place by <see cref="DesignerDiagramSync"/>, so a node keeps its identity (and selection) across edits.
/// </summary>
public sealed class DesignerNodeModel : NodeModel
{
    public const double Width = StepNodeModel.Width;
    public const double Height = StepNodeModel.Height;

    public DesignerNodeModel(string stepName, string? stepType, Point position)
        : base("step:" + stepName, position)
    {
        StepName = stepName;
        StepType = stepType;

        // The widget draws exactly this size; knowing it up front lets "fit" work before the browser measured the node.
        Size = new Size(Width, Height);
        Input = (DesignerPortModel)AddPort(new DesignerPortModel(this, PortRole.Input, PortAlignment.Left));
        if (stepType == StepTypes.Condition)
        {
            IfPort = (DesignerPortModel)AddPort(new DesignerPortModel(this, PortRole.If, PortAlignment.TopRight));
            ElsePort = (DesignerPortModel)AddPort(new DesignerPortModel(this, PortRole.Else, PortAlignment.BottomRight));

            // Steps may also simply wait for a condition to finish; that port sits at the bottom.
            Output = (DesignerPortModel)AddPort(new DesignerPortModel(this, PortRole.Output, PortAlignment.Bottom));
        }
        else
        {
            Output = (DesignerPortModel)AddPort(new DesignerPortModel(this, PortRole.Output, PortAlignment.Right));
        }
    }

    public string StepName { get; }

    /// <summary>The step's Type; a change of type replaces the node (its ports differ).</summary>
    public string? StepType { get; }

    public string Label { get; set; } = "";

    public StepTypeStyle Style => StepTypeIcons.For(StepType);

    public string TypeDisplayName => StepTypeCatalog.Find(StepType)?.DisplayName ?? StepType ?? "no type";

    public DesignerPortModel Input { get; }

    public DesignerPortModel Output { get; }

    public DesignerPortModel? IfPort { get; }

    public DesignerPortModel? ElsePort { get; }

    /// <summary>"if"/"else" when the step sits in a Condition's branch, with that condition's name.</summary>
    public string? BranchNote { get; set; }

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    /// <summary>The first issue's message, shown as the badge's tooltip.</summary>
    public string? FirstIssue { get; set; }

    public DesignerPortModel PortFor(PortRole role) => role switch
    {
        PortRole.Input => Input,
        PortRole.If => IfPort ?? Output,
        PortRole.Else => ElsePort ?? Output,
        _ => Output,
    };
}
