using System.Text.Json.Nodes;
using PipelineStudio.Cli.Tests.Infrastructure;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_RealisticDefinition_ExitsZeroAndSaysValid()
    {
        var file = _dir.Copy(SampleDefinitions.CorpusPath(SampleDefinitions.Abalone));

        var result = await _dir.RunAsync("validate", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{file}: valid", result.StdOut);
        Assert.Contains("1 file checked: 1 valid, 0 with errors", result.StdOut);
        Assert.Equal("", result.StdErr);
    }

    [Fact]
    public async Task Validate_MalformedJson_ExitsOneWithPS001Line()
    {
        var file = _dir.Write("broken.json", "{\"Version\": \"2020-12-01\", \"Steps\": [,]}");

        var result = await _dir.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{file}: 1 error, 0 warnings", result.StdOut);
        Assert.Matches(@"(?m)^  \$: PS001 error Malformed JSON at line 1, column \d+", result.StdOut);
    }

    [Fact]
    public async Task Validate_DocumentNotAnObject_ExitsOneWithPS002()
    {
        var file = _dir.Write("array.json", DefinitionTexts.NotAnObject);

        var result = await _dir.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("$: PS002 error", result.StdOut);
    }

    [Fact]
    public async Task Validate_OneBadFileAmongGood_ExitsOneAndReportsEveryFile()
    {
        var good = _dir.Write("good.json", DefinitionTexts.Minimal);
        var bad = _dir.Write("bad.json", DefinitionTexts.NotAnObject);
        var abalone = _dir.Copy(SampleDefinitions.CorpusPath(SampleDefinitions.Abalone));

        var result = await _dir.RunAsync("validate", good, bad, abalone);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{good}: valid", result.StdOut);
        Assert.Contains($"{abalone}: valid", result.StdOut);
        Assert.Contains($"{bad}: 1 error", result.StdOut);
        Assert.Contains("3 files checked: 2 valid, 1 with errors (1 error, 0 warnings).", result.StdOut);
    }

    [Fact]
    public async Task Validate_JsonFormat_ListsFilesInOrderWithLowercaseIssueFields()
    {
        var good = _dir.Write("good.json", DefinitionTexts.Minimal);
        var bad = _dir.Write("bad.json", "{ nope");

        var result = await _dir.RunAsync("validate", good, bad, "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var reports = Assert.IsType<JsonArray>(JsonNode.Parse(result.StdOut));
        Assert.Equal(2, reports.Count);
        Assert.Equal(good, (string?)reports[0]!["file"]);
        Assert.Empty(reports[0]!["issues"]!.AsArray());
        Assert.Equal(bad, (string?)reports[1]!["file"]);
        var issue = Assert.Single(reports[1]!["issues"]!.AsArray())!.AsObject();
        Assert.Equal(["code", "severity", "path", "message"], issue.Select(p => p.Key));
        Assert.Equal("PS001", (string?)issue["code"]);
        Assert.Equal("error", (string?)issue["severity"]);
        Assert.Equal("$", (string?)issue["path"]);
        Assert.Contains("line 1", (string?)issue["message"]);
    }

    [Fact]
    public async Task Validate_JsonFormatOnValidFile_ExitsZeroWithEmptyIssues()
    {
        var file = _dir.Copy(SampleDefinitions.CorpusPath(SampleDefinitions.Abalone));

        var result = await _dir.RunAsync("validate", "-f", "json", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = Assert.Single(JsonNode.Parse(result.StdOut)!.AsArray())!;
        Assert.Empty(report["issues"]!.AsArray());
    }

    [Fact]
    public async Task Validate_NoFile_ExitsTwoWithUsageHint()
    {
        var result = await _dir.RunAsync("validate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--help", result.StdErr);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoNamingItAndValidatesNothing()
    {
        var good = _dir.Write("good.json", DefinitionTexts.Minimal);

        var result = await _dir.RunAsync("validate", good, "missing-pipeline.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("file not found: 'missing-pipeline.json'", result.StdErr);
        Assert.Equal("", result.StdOut);
    }

    [Fact]
    public async Task Validate_DirectoryInsteadOfFile_ExitsTwo()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "folder"));

        var result = await _dir.RunAsync("validate", "folder");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'folder' is a directory", result.StdErr);
    }

    [Theory]
    [InlineData("--strict")]
    [InlineData("-x")]
    public async Task Validate_UnknownOption_ExitsTwoNamingTheOption(string option)
    {
        var good = _dir.Write("good.json", DefinitionTexts.Minimal);

        var result = await _dir.RunAsync("validate", option, good);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"Unrecognized option '{option}'", result.StdErr);
    }

    [Fact]
    public async Task Validate_UnknownFormat_ExitsTwo()
    {
        var good = _dir.Write("good.json", DefinitionTexts.Minimal);

        var result = await _dir.RunAsync("validate", good, "--format", "xml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'xml'", result.StdErr);
    }
}
