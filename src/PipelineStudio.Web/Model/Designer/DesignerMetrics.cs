using System.Diagnostics.Metrics;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// How long the server spends on a canvas edit (a move, a link, a drop): the edit itself, re-validation and
/// bringing the diagram in line, before Blazor renders the difference. Always on and cheap (one histogram
/// record per gesture); watch it with <c>dotnet-counters monitor --counters PipelineStudio.Designer</c> or any
/// OpenTelemetry metrics exporter. Blazor's own <c>aspnetcore.components.render_diff.duration</c> covers the render.
/// </summary>
public static class DesignerMetrics
{
    public const string MeterName = "PipelineStudio.Designer";

    public const string EditDurationName = "pipelinestudio.designer.edit.duration";

    /// <summary>The tag naming the edit, as its undo label says ("Move steps", "Connect steps").</summary>
    public const string EditTag = "pipelinestudio.designer.edit";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> EditDuration = Meter.CreateHistogram<double>(
        EditDurationName, "ms", "Server time of one designer canvas edit: apply, validate and sync the diagram.");

    public static void RecordEdit(string label, TimeSpan elapsed) =>
        EditDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(EditTag, label));
}
