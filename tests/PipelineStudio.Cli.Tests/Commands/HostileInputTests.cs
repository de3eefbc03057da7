using PipelineStudio.Cli.Tests.Infrastructure;

namespace PipelineStudio.Cli.Tests.Commands;

/// <summary>Whatever the file holds, the tool answers with issues and an exit code, never a stack trace.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, byte[]> Garbage => new()
    {
        { "binary.json", [0x00, 0xFF, 0xFE, 0x1B, 0x7F, 0x80, 0x00, 0x01] },
        { "empty.json", [] },
        { "text.json", "this is not a pipeline"u8.ToArray() },
        { "unclosed-string.json", "{\"Steps\": \"abc"u8.ToArray() },
        { "null.json", "null"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Validate_GarbageFile_ExitsOneWithoutStackTrace(string name, byte[] content)
    {
        var file = _dir.WriteBytes(name, content);

        var result = await _dir.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"PS00\d error", result.StdOut);
        Assert.DoesNotContain(DefinitionTexts.StackTraceMarker, result.StdOut + result.StdErr);
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Normalize_GarbageFile_ExitsOneWithoutStackTrace(string name, byte[] content)
    {
        var file = _dir.WriteBytes(name, content);

        var result = await _dir.RunAsync("normalize", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.StdOut);
        Assert.Matches(@"PS00\d error", result.StdErr);
        Assert.DoesNotContain(DefinitionTexts.StackTraceMarker, result.StdErr);
    }

    [Fact]
    public async Task Validate_NestedFiftyThousandLevels_ExitsOneQuicklyWithoutStackTrace()
    {
        var depth = 50_000;
        var file = _dir.Write("deep.json", new string('[', depth) + new string(']', depth));

        var result = await _dir.RunAsync("validate", file);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PS003 error", result.StdOut);
        Assert.DoesNotContain(DefinitionTexts.StackTraceMarker, result.StdOut + result.StdErr);
    }
}
