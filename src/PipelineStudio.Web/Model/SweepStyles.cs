using MudBlazor;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Model;

/// <summary>Sweep and sweep-member states in the colours and icons of <see cref="RunStatusStyles"/>.</summary>
public static class SweepStyles
{
    public static Color ColorOf(SweepStatus status) => status switch
    {
        SweepStatus.Completed => Color.Success,
        SweepStatus.Failed => Color.Error,
        SweepStatus.Stopped => Color.Warning,
        _ => Color.Info,
    };

    public static string IconOf(SweepStatus status) => status switch
    {
        SweepStatus.Completed => Icons.Material.Filled.CheckCircle,
        SweepStatus.Failed => Icons.Material.Filled.Error,
        SweepStatus.Stopped => Icons.Material.Filled.StopCircle,
        _ => Icons.Material.Filled.PlayCircle,
    };

    public static Color ColorOf(SweepMemberState state) => state switch
    {
        SweepMemberState.Succeeded => Color.Success,
        SweepMemberState.Failed => Color.Error,
        SweepMemberState.Running => Color.Info,
        SweepMemberState.Stopped => Color.Warning,
        _ => Color.Default,
    };

    public static string IconOf(SweepMemberState state) => state switch
    {
        SweepMemberState.Succeeded => Icons.Material.Filled.CheckCircle,
        SweepMemberState.Failed => Icons.Material.Filled.Error,
        SweepMemberState.Running => Icons.Material.Filled.PlayCircle,
        SweepMemberState.Stopped => Icons.Material.Filled.StopCircle,
        SweepMemberState.NotStarted => Icons.Material.Filled.RemoveCircleOutline,
        _ => Icons.Material.Filled.Schedule,
    };

    public static string LabelOf(SweepMemberState state) => state switch
    {
        SweepMemberState.Pending => "Waiting",
        SweepMemberState.NotStarted => "Not started",
        _ => state.ToString(),
    };
}
