using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PipelineStudio.Cli.Tests.Infrastructure;

namespace PipelineStudio.Cli.Tests.Commands;

/// <summary>
/// The callback demo end to end with two real processes on one data directory: <c>run --wait</c> waits at the Callback
/// step, and <c>callback TOKEN</c> from "another terminal" answers it.
/// </summary>
public sealed partial class CallbackCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string DataDirectory => Path.Combine(_dir.Path, "data");

    [Fact]
    public async Task RunCallbackSample_AnsweredFromAnotherProcess_RunSucceedsWithTheAnswer()
    {
        using var run = StartRun("samples/callback-approval.json");
        var token = await ReadCallbackTokenAsync(run);

        var answer = await CliProcess.RunAsync(
            AppContext.BaseDirectory, "callback", token, "--output", "approved=true", "--output", "reviewer=ana", "--data-dir", DataDirectory);
        var (exitCode, stdout) = await FinishAsync(run);

        Assert.True(answer.ExitCode == 0, answer.ToString());
        Assert.Contains("\"answered\":\"success\"", answer.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal("Succeeded", summary.RootElement.GetProperty("status").GetString());
        var steps = summary.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal(("Succeeded", "Succeeded"), (steps["AwaitReview"], steps["PublishReport"]));
    }

    [Fact]
    public async Task Callback_Failure_FailsTheRunWithTheReason_AndASecondAnswerIsRefused()
    {
        using var run = StartRun("samples/callback-approval.json");
        var token = await ReadCallbackTokenAsync(run);

        var failed = await CliProcess.RunAsync(AppContext.BaseDirectory, "callback", token, "--failure", "numbers look off", "--data-dir", DataDirectory);
        var (exitCode, stdout) = await FinishAsync(run);
        var again = await CliProcess.RunAsync(AppContext.BaseDirectory, "callback", token, "--output", "approved=true", "--data-dir", DataDirectory);

        Assert.True(failed.ExitCode == 0, failed.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("numbers look off", stdout, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already answered", again.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoSuchTok0", "--output", "approved=true", 1, "No Callback step was given the token 'NoSuchTok0'")]
    [InlineData("NoSuchTok0", "--output", "approved", 2, "--output 'approved' is not NAME=VALUE")]
    public async Task Callback_BadToken_OrBadOutput_ExitsNamingTheProblem(string token, string option, string value, int exitCode, string message)
    {
        var result = await CliProcess.RunAsync(_dir.Path, "callback", token, option, value, "--data-dir", DataDirectory);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(DefinitionTexts.StackTraceMarker, result.StdErr, StringComparison.Ordinal);
    }

    /// <summary>`run` as a long-lived child process, from the test binaries' folder where samples/ is (the Lambda stand-in's path is relative to it).</summary>
    private Process StartRun(string definition)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliProcess.ToolPath, "run", definition, "--wait", "--data-dir", DataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<string> ReadCallbackTokenAsync(Process run)
    {
        // Generous: the run is a real process that builds its host and runs a step first, and CI machines
        // share their cores with other test assemblies.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seen = new List<string>();
        while (await run.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (TokenHint().Match(line) is { Success: true } hint)
            {
                return hint.Groups["token"].Value;
            }
        }

        throw new InvalidOperationException("run ended without asking for a callback:\n" + string.Join('\n', seen));
    }

    private static async Task<(int ExitCode, string StdOut)> FinishAsync(Process run)
    {
        var stdout = run.StandardOutput.ReadToEndAsync();
        _ = run.StandardError.ReadToEndAsync();
        // Generous: the run is a real process that builds its host and runs a step first, and CI machines
        // share their cores with other test assemblies.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await run.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            run.Kill(entireProcessTree: true);
            throw new TimeoutException("run did not end after the callback was answered.");
        }

        return (run.ExitCode, await stdout);
    }

    [GeneratedRegex(@"pipelinestudio callback (?<token>[A-Za-z0-9]{10}) ")]
    private static partial Regex TokenHint();
}
