namespace PipelineStudio.Cli.Output;

/// <summary>The --format values and the formatter for each.</summary>
public static class ReportFormats
{
    public const string Text = "text";
    public const string Json = "json";

    public static IReadOnlyList<string> All { get; } = [Text, Json];

    public static IReportFormatter Create(string format) => format switch
    {
        Json => new JsonReportFormatter(),
        _ => new TextReportFormatter(),
    };
}
