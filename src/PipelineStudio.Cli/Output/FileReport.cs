using PipelineStudio.Core.Validation;

namespace PipelineStudio.Cli.Output;

/// <summary>The validation result of one file, as the user named it on the command line.</summary>
public sealed record FileReport(string File, IReadOnlyList<ValidationIssue> Issues)
{
    public int ErrorCount => Issues.Count(i => i.IsError);

    public int WarningCount => Issues.Count(i => i.Severity == IssueSeverity.Warning);

    public bool HasErrors => ErrorCount > 0;
}
