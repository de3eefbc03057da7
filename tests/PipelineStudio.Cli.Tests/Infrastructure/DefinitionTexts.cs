namespace PipelineStudio.Cli.Tests.Infrastructure;

/// <summary>Small inline definitions for cases the TestSupport corpus does not cover.</summary>
public static class DefinitionTexts
{
    public const string Minimal = """
        {"Version": "2020-12-01", "Metadata": {}, "Parameters": [],
         "Steps": [{"Name": "Prepare", "Type": "Processing", "Arguments": {}}]}
        """;

    public const string Truncated = """{"Version": "2020-12-01", "Steps": [{"Name": "A", """;

    public const string NotAnObject = """[{"Name": "A", "Type": "Processing"}]""";

    /// <summary>Marks a stack trace line as .NET prints it; must never reach the user.</summary>
    public const string StackTraceMarker = "   at ";
}
