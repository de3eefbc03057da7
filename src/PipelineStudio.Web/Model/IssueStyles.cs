using MudBlazor;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>Severity to colour, icon and label, so every issue list looks the same.</summary>
public static class IssueStyles
{
    public static Color ColorOf(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => Color.Error,
        IssueSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    public static string IconOf(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => Icons.Material.Filled.Error,
        IssueSeverity.Warning => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };

    public static string LabelOf(IssueSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>"2 errors, 1 warning"; empty when there are none.</summary>
    public static string Summarize(IReadOnlyCollection<ValidationIssue> issues)
    {
        var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
        var warnings = issues.Count(i => i.Severity == IssueSeverity.Warning);
        var infos = issues.Count(i => i.Severity == IssueSeverity.Info);
        var parts = new List<string>();
        if (errors > 0)
        {
            parts.Add(errors == 1 ? "1 error" : $"{errors} errors");
        }

        if (warnings > 0)
        {
            parts.Add(warnings == 1 ? "1 warning" : $"{warnings} warnings");
        }

        if (infos > 0)
        {
            parts.Add(infos == 1 ? "1 note" : $"{infos} notes");
        }

        return string.Join(", ", parts);
    }
}
