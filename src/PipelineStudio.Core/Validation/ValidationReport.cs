using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>Every issue found in one document, and the typed definition when the text parsed.</summary>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues, PipelineDefinition? Definition)
{
    public bool HasErrors => Issues.Any(i => i.IsError);

    public int ErrorCount => Issues.Count(i => i.IsError);

    public int WarningCount => Issues.Count(i => i.Severity == IssueSeverity.Warning);
}
