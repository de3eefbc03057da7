using PipelineStudio.Cli.Tests.Infrastructure;

namespace PipelineStudio.Cli.Tests.Commands;

public sealed class RootCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_NoCommand_ExitsTwo()
    {
        var result = await _dir.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("pipelinestudio --help", result.StdErr);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoNamingIt()
    {
        var result = await _dir.RunAsync("frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'frobnicate'", result.StdErr);
    }

    [Fact]
    public async Task Help_ListsCommandsAndExitCodes()
    {
        var result = await _dir.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("validate", result.StdOut);
        Assert.Contains("normalize", result.StdOut);
        Assert.Contains("2 usage error", result.StdOut);
    }

    [Fact]
    public async Task ValidateHelp_SaysMissingFileIsUsageError()
    {
        var result = await _dir.RunAsync("validate", "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("does not exist or cannot be read, nothing is validated and the exit code is 2", result.StdOut);
        Assert.Contains("--format", result.StdOut);
    }
}
