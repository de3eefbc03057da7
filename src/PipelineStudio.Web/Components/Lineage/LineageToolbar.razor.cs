using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Lineage;

/// <summary>Direction, depth, grouping, type chips and exports; every change is reported as a new view state (the page puts it in the URL).</summary>
public sealed partial class LineageToolbar
{
    private static readonly LineageDirection[] Directions = [LineageDirection.Upstream, LineageDirection.Both, LineageDirection.Downstream];

    [Parameter, EditorRequired]
    public string RootId { get; set; } = "";

    [Parameter, EditorRequired]
    public LineageViewState State { get; set; } = new();

    /// <summary>Every type in the loaded graph (shown or hidden).</summary>
    [Parameter]
    public IReadOnlyList<string> Types { get; set; } = [];

    /// <summary>The kind of each type, for the chip's icon (a type name alone does not say whether it is an action).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, LineageKind> KindOfType { get; set; } = new Dictionary<string, LineageKind>();

    [Parameter]
    public EventCallback<LineageViewState> StateChanged { get; set; }

    private string ExportUrl(string format) =>
        $"/api/v1/lineage/{Uri.EscapeDataString(RootId)}/export?format={format}&{State.ToQueryString()}";

    private LineageEntityStyle StyleOf(string type) => LineageEntityStyles.For(KindOfType.GetValueOrDefault(type), type);

    private Task Change(LineageViewState state) => StateChanged.InvokeAsync(state);
}
