using System.Globalization;
using MudBlazor;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// Execution and step status to colour, icon and label, so every run screen (lists, graph, timeline) speaks
/// the same visual language. Labels are SageMaker's status names.
/// </summary>
public static class RunStatusStyles
{
    public static Color ColorOf(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => Color.Success,
        ExecutionStatus.Failed => Color.Error,
        ExecutionStatus.Executing => Color.Info,
        ExecutionStatus.Stopping or ExecutionStatus.Stopped => Color.Warning,
        _ => Color.Default,
    };

    public static Color ColorOf(StepStatus status) => status switch
    {
        StepStatus.Succeeded => Color.Success,
        StepStatus.Failed => Color.Error,
        StepStatus.Starting or StepStatus.Executing => Color.Info,
        StepStatus.Stopping or StepStatus.Stopped => Color.Warning,
        _ => Color.Default,
    };

    public static string IconOf(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        ExecutionStatus.Failed => Icons.Material.Filled.Error,
        ExecutionStatus.Executing => Icons.Material.Filled.PlayCircle,
        ExecutionStatus.Stopping => Icons.Material.Filled.PauseCircle,
        _ => Icons.Material.Filled.StopCircle,
    };

    public static string IconOf(StepStatus status) => status switch
    {
        StepStatus.Succeeded => Icons.Material.Filled.CheckCircle,
        StepStatus.Failed => Icons.Material.Filled.Error,
        StepStatus.Starting or StepStatus.Executing => Icons.Material.Filled.PlayCircle,
        StepStatus.Stopping => Icons.Material.Filled.PauseCircle,
        StepStatus.Stopped => Icons.Material.Filled.StopCircle,
        StepStatus.NotExecuted => Icons.Material.Filled.RemoveCircleOutline,
        _ => Icons.Material.Filled.Schedule,
    };

    /// <summary>A CSS colour variable of the MudBlazor palette, for SVG and plain HTML (graph nodes, Gantt bars).</summary>
    public static string CssColorOf(StepStatus status) => ColorOf(status) switch
    {
        Color.Success => "var(--mud-palette-success)",
        Color.Error => "var(--mud-palette-error)",
        Color.Info => "var(--mud-palette-info)",
        Color.Warning => "var(--mud-palette-warning)",
        _ => "var(--mud-palette-text-disabled)",
    };

    /// <summary>"Not executed" rather than "NotExecuted"; the other names are single words.</summary>
    public static string LabelOf(StepStatus status) => status == StepStatus.NotExecuted ? "Not executed" : status.ToString();

    public static string LabelOf(ExecutionStatus status) => status.ToString();

    /// <summary>"850 ms", "42 s", "3 min 05 s", "2 h 04 min": short, and precise where precision matters.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{(int)duration.TotalMilliseconds} ms";
        }

        if (duration < TimeSpan.FromMinutes(1))
        {
            return duration.TotalSeconds < 10
                ? duration.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
                : $"{(int)duration.TotalSeconds} s";
        }

        return duration < TimeSpan.FromHours(1)
            ? $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s"
            : $"{(int)duration.TotalHours} h {duration.Minutes:00} min";
    }
}
