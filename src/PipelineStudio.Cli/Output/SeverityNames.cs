using PipelineStudio.Core.Validation;

namespace PipelineStudio.Cli.Output;

internal static class SeverityNames
{
    /// <summary>Lowercase, as in "error" and "warning": the form both output formats use.</summary>
    public static string Of(IssueSeverity severity) => severity.ToString().ToLowerInvariant();
}
