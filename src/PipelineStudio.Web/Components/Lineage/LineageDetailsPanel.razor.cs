using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Lineage;

/// <summary>The selected entity (or collapsed group): its metadata, where it leads in the studio, and the path and expand actions.</summary>
public sealed partial class LineageDetailsPanel
{
    [Parameter]
    public LineageEntity? Entity { get; set; }

    [Parameter]
    public LineageViewNode? Group { get; set; }

    /// <summary>The path's other end, when two nodes are selected.</summary>
    [Parameter]
    public string? PathEndName { get; set; }

    /// <summary>Nodes on the highlighted path; 0 when the two ends are not connected in the view.</summary>
    [Parameter]
    public int PathLength { get; set; }

    /// <summary>The other selected entity, offered as the second side of "what changed upstream".</summary>
    [Parameter]
    public string? PathEndId { get; set; }

    [Parameter]
    public bool IsExpanded { get; set; }

    [Parameter]
    public bool PickingPathEnd { get; set; }

    [Parameter]
    public EventCallback OnExpand { get; set; }

    [Parameter]
    public EventCallback OnPickPathEnd { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    private LineageEntityStyle Style => Entity is { } e ? LineageEntityStyles.For(e.Kind, e.Type) : LineageEntityStyles.Group;

    private string? PathText => PathEndName is null ? null
        : PathLength > 0 ? $"Path to “{PathEndName}”: {PathLength - 1} hop{(PathLength == 2 ? "" : "s")}, highlighted."
        : $"No path to “{PathEndName}” among the nodes shown; expand nodes or raise the depth.";

    private static RenderFragment Fact(string label, string? value, bool mono = false) => builder =>
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        builder.OpenElement(0, "dt");
        builder.AddContent(1, label);
        builder.CloseElement();
        builder.OpenElement(2, "dd");
        builder.AddAttribute(3, "class", mono ? "studio-mono" : null);
        builder.AddContent(4, value);
        builder.CloseElement();
    };
}
