using System.Text.Encodings.Web;
using System.Text.Json;

namespace PipelineStudio.Cli.Output;

/// <summary>
/// Machine-readable report: a JSON array of <c>{file, issues: [{code, severity, path, message}]}</c>,
/// one entry per file in command-line order, severity lowercase.
/// </summary>
public sealed class JsonReportFormatter : IReportFormatter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(IReadOnlyList<FileReport> reports, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var report in reports)
            {
                WriteReport(writer, report);
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteReport(Utf8JsonWriter writer, FileReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("file", report.File);
        writer.WriteStartArray("issues");
        foreach (var issue in report.Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("code", issue.Code);
            writer.WriteString("severity", SeverityNames.Of(issue.Severity));
            writer.WriteString("path", issue.Path);
            writer.WriteString("message", issue.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
