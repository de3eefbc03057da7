using MudBlazor;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model.Registry;

/// <summary>Approval status to colour, icon and label, the same on the list, the package page and its history.</summary>
public static class ApprovalStatusStyles
{
    public static Color ColorOf(ModelApprovalStatus status) => status switch
    {
        ModelApprovalStatus.Approved => Color.Success,
        ModelApprovalStatus.Rejected => Color.Error,
        _ => Color.Warning,
    };

    public static string IconOf(ModelApprovalStatus status) => status switch
    {
        ModelApprovalStatus.Approved => Icons.Material.Filled.Verified,
        ModelApprovalStatus.Rejected => Icons.Material.Filled.Block,
        _ => Icons.Material.Filled.HourglassTop,
    };

    /// <summary>"Pending" rather than SageMaker's "PendingManualApproval", which is too long for a chip.</summary>
    public static string LabelOf(ModelApprovalStatus status) => status == ModelApprovalStatus.PendingManualApproval ? "Pending" : status.ToString();

    /// <summary>The verb on the button that moves a package to the status.</summary>
    public static string ActionOf(ModelApprovalStatus status) => status switch
    {
        ModelApprovalStatus.Approved => "Approve",
        ModelApprovalStatus.Rejected => "Reject",
        _ => "Reset to pending",
    };
}
