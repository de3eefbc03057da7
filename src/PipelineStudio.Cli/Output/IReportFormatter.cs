namespace PipelineStudio.Cli.Output;

/// <summary>Writes the reports of a validate run in one output format.</summary>
public interface IReportFormatter
{
    void Write(IReadOnlyList<FileReport> reports, TextWriter output);
}
