using System.Text.Json.Nodes;
using PipelineStudio.Cli.Tests.Infrastructure;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Cli.Tests.Commands;

/// <summary>The CLI over the shared definition corpus: realistic SDK-shaped files pass, each broken class names its code.</summary>
public sealed class CorpusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> CorpusNames => [.. SampleDefinitions.CorpusNames];

    public static TheoryData<string, string> BrokenInputs => new()
    {
        { SampleDefinitions.MalformedJson, "PS001" },
        { SampleDefinitions.DuplicateStepName, "PS013" },
        { SampleDefinitions.DanglingDependsOn, "PS016" },
        { SampleDefinitions.Cycle, "PS018" },
        { SampleDefinitions.BadPropertyPath, "PS020" },
        { SampleDefinitions.UndeclaredParameter, "PS035" },
    };

    [Fact]
    public async Task Validate_WholeCorpusAndSamples_ExitsZero()
    {
        var files = SampleDefinitions.CorpusNames.Select(SampleDefinitions.CorpusPath)
            .Concat(SampleDefinitions.SampleNames.Select(SampleDefinitions.SamplePath))
            .ToArray();

        var result = await _dir.RunAsync(["validate", .. files]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{files.Length} files checked: {files.Length} valid, 0 with errors", result.StdOut);
    }

    [Fact]
    public async Task Validate_UnknownFutureStepType_ExitsZeroWithWarning()
    {
        var file = _dir.Copy(SampleDefinitions.CorpusPath(SampleDefinitions.FutureStepType));

        var result = await _dir.RunAsync("validate", "--format", "json", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        var issues = JsonNode.Parse(result.StdOut)![0]!["issues"]!.AsArray();
        Assert.Contains(issues, i => (string?)i!["code"] == "PS015" && (string?)i["severity"] == "warning");
        Assert.DoesNotContain(issues, i => (string?)i!["severity"] == "error");
    }

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public async Task Validate_BrokenInput_ExitsOneNamingItsCode(string name, string code)
    {
        var file = _dir.Copy(SampleDefinitions.InvalidPath(name));

        var result = await _dir.RunAsync("validate", "--format", "json", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        var issues = JsonNode.Parse(result.StdOut)![0]!["issues"]!.AsArray();
        Assert.Contains(issues, i => (string?)i!["code"] == code && (string?)i["severity"] == "error");
        Assert.DoesNotContain(DefinitionTexts.StackTraceMarker, result.StdErr);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Normalize_CorpusDefinition_OutputParsesEqualToInput(string name)
    {
        var path = SampleDefinitions.CorpusPath(name);

        var result = await _dir.RunAsync("normalize", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var input = JsonNode.Parse(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(result.StdOut)), $"normalize changed {name}");
    }
}
