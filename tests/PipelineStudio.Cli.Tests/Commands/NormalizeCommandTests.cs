using System.Text.Json.Nodes;
using PipelineStudio.Cli.Tests.Infrastructure;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Cli.Tests.Commands;

public sealed class NormalizeCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Normalize_RealisticDefinition_OutputParsesEqualToInput()
    {
        var file = _dir.Copy(SampleDefinitions.CorpusPath(SampleDefinitions.Abalone));

        var result = await _dir.RunAsync("normalize", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir.Path, file)));
        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(result.StdOut)), result.StdOut);
    }

    [Fact]
    public async Task Normalize_UnknownFieldsAndNonAscii_KeepsThemVerbatim()
    {
        const string text = """
            {"Version":"2020-12-01","FutureField":{"a":[1,2.50,true,null]},
             "Steps":[{"Name":"Préparer","Type":"BrandNewStepType","Arguments":{"Note":"naïve <b>&</b> ✓"},"Extra":1}]}
            """;
        var file = _dir.Write("unknown.json", text);

        var result = await _dir.RunAsync("normalize", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(result.StdOut)), result.StdOut);
        Assert.Contains("naïve <b>&</b> ✓", result.StdOut);
    }

    [Fact]
    public async Task Normalize_Output_IsIndented()
    {
        var file = _dir.Write("compact.json", DefinitionTexts.Minimal.ReplaceLineEndings(""));

        var result = await _dir.RunAsync("normalize", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n  \"Steps\": [", result.StdOut);
    }

    [Fact]
    public async Task Normalize_Truncated_ExitsOneWithIssueOnStderrAndNothingOnStdout()
    {
        var file = _dir.Write("truncated.json", DefinitionTexts.Truncated);

        var result = await _dir.RunAsync("normalize", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.StdOut);
        Assert.StartsWith($"{file}: $: PS00", result.StdErr);
    }

    [Fact]
    public async Task Normalize_MissingFile_ExitsTwoNamingIt()
    {
        var result = await _dir.RunAsync("normalize", "nowhere.json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("file not found: 'nowhere.json'", result.StdErr);
    }

    [Fact]
    public async Task Normalize_TwoFiles_ExitsTwo()
    {
        var a = _dir.Write("a.json", DefinitionTexts.Minimal);
        var b = _dir.Write("b.json", DefinitionTexts.Minimal);

        var result = await _dir.RunAsync("normalize", a, b);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.StdOut);
    }
}
