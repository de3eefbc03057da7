using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Web.Components.Designer;

/// <summary>
/// Cascaded from the canvas to its node widgets (which Blazor.Diagrams creates), so a palette item dropped
/// on a Condition's if/else port can reach the canvas.
/// </summary>
public sealed class DesignerCanvasContext(Func<string, ConditionBranch, Task> dropIntoBranch)
{
    public Func<string, ConditionBranch, Task> DropIntoBranch { get; } = dropIntoBranch;
}
