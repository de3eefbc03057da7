using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Runs;

public sealed partial class ExecutionTimeline
{
    [Parameter, EditorRequired]
    public ExecutionTimelineModel Model { get; set; } = null!;

    [Parameter]
    public string? SelectedStep { get; set; }

    [Parameter]
    public EventCallback<string?> SelectedStepChanged { get; set; }

    private string CriticalPathTitle => "The chain that set the execution's length: " + string.Join(" → ", Model.CriticalPath);

    // Inline styles must not follow the server's culture: "12,5%" is no CSS length.
    private static string Pct(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private string RowClass(TimelineRow row) => "timeline-row"
        + (row.IsCritical ? " timeline-row--critical" : "")
        + (row.StepName == SelectedStep ? " timeline-row--selected" : "")
        + (row.Status == StepStatus.NotExecuted || row.ReusedFrom is not null ? " timeline-row--idle" : "");

    private static string SegmentClass(TimelineSegment segment) =>
        $"timeline-seg timeline-seg--{segment.Kind.ToString().ToLowerInvariant()} timeline-seg--{segment.Status.ToString().ToLowerInvariant()}"
        + (segment.Live ? " timeline-seg--live" : "");

    // Clicking the selected row again closes its drawer.
    private Task SelectAsync(string step) => SelectedStepChanged.InvokeAsync(step == SelectedStep ? null : step);

    private Task OnKeyAsync(KeyboardEventArgs e, string step) =>
        e.Key is "Enter" or " " ? SelectAsync(step) : Task.CompletedTask;
}
