namespace PipelineStudio.Cli.Output;

/// <summary>
/// Human-readable report: per file a header with its counts, one line per issue
/// (<c>path: code severity message</c>), then a one-line summary.
/// </summary>
public sealed class TextReportFormatter : IReportFormatter
{
    public void Write(IReadOnlyList<FileReport> reports, TextWriter output)
    {
        foreach (var report in reports)
        {
            output.WriteLine($"{report.File}: {Describe(report)}");
            foreach (var issue in report.Issues)
            {
                output.WriteLine($"  {issue.Path}: {issue.Code} {SeverityNames.Of(issue.Severity)} {issue.Message}");
            }
        }

        var withErrors = reports.Count(r => r.HasErrors);
        var errors = reports.Sum(r => r.ErrorCount);
        var warnings = reports.Sum(r => r.WarningCount);
        output.WriteLine(
            $"{Count(reports.Count, "file")} checked: {reports.Count - withErrors} valid, {withErrors} with errors "
            + $"({Count(errors, "error")}, {Count(warnings, "warning")}).");
    }

    private static string Describe(FileReport report)
    {
        if (report.HasErrors)
        {
            return $"{Count(report.ErrorCount, "error")}, {Count(report.WarningCount, "warning")}";
        }

        return report.WarningCount == 0 ? "valid" : $"valid, {Count(report.WarningCount, "warning")}";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
