using System.Text.Json.Nodes;
using MudBlazor;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.Core.Editing;

namespace PipelineStudio.Web.Model;

/// <summary>How added, removed and changed items look in diffs, and how a changed value is shown.</summary>
public static class ChangeStyles
{
    private const int MaxValueLength = 240;

    public static Color ColorOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => Color.Success,
        ChangeKind.Removed => Color.Error,
        _ => Color.Warning,
    };

    public static string IconOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => Icons.Material.Filled.AddCircleOutline,
        ChangeKind.Removed => Icons.Material.Filled.RemoveCircleOutline,
        _ => Icons.Material.Filled.Edit,
    };

    public static string LabelOf(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A value as a formula or compact JSON, cut to a readable length; "—" when absent.</summary>
    public static string Show(JsonNode? value)
    {
        if (value is null)
        {
            return "—";
        }

        var text = ExpressionText.Describe(value);
        return text.Length <= MaxValueLength ? text : text[..MaxValueLength] + "…";
    }
}
