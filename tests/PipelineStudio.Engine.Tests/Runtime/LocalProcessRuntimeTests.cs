using System.Diagnostics;
using PipelineStudio.Engine.Runtime;
using PipelineStudio.Engine.Tests.Artifacts;

namespace PipelineStudio.Engine.Tests.Runtime;

public sealed class LocalProcessRuntimeTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalProcessRuntime _runtime = new();
    private readonly List<string> _lines = [];

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_ShellScript_StreamsStdoutAndStderrLinesAndExitCode()
    {
        var outcome = await RunShellAsync("echo one; echo two >&2; echo three; exit 3");

        Assert.Equal(3, outcome.ExitCode);
        Assert.False(outcome.KilledBySignal);
        Assert.Equal(["one", "three"], _lines.Where(l => l != "two"));
        Assert.Contains("two", _lines);
    }

    [Fact]
    public async Task Run_WithEnvironmentAndWorkingDirectory_ProcessSeesBoth()
    {
        var spec = new ProcessSpec("/bin/sh", ["-c", "echo \"$GREETING\"; pwd"],
            new Dictionary<string, string> { ["GREETING"] = "hello world" }, _temp.Path);

        var outcome = await _runtime.RunAsync(spec, _lines.Add, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["hello world", _temp.Path], _lines);
    }

    [Fact]
    public async Task Run_LinesArriveWhileTheProcessStillRuns()
    {
        var firstLineSeen = new TaskCompletionSource<long>();
        var clock = Stopwatch.StartNew();
        var spec = new ProcessSpec("/bin/sh", ["-c", "echo early; sleep 1; echo late"], new Dictionary<string, string>(), _temp.Path);

        await _runtime.RunAsync(spec, line =>
        {
            if (line == "early")
            {
                firstLineSeen.TrySetResult(clock.ElapsedMilliseconds);
            }
        }, CancellationToken.None);

        Assert.True(await firstLineSeen.Task < clock.ElapsedMilliseconds - 500, "the first line should be handed over before the process ends");
    }

    [Fact]
    public async Task Run_ProcessKilledBySignal_ReportsTheSignal()
    {
        var outcome = await RunShellAsync("kill -9 $$");

        Assert.True(outcome.KilledBySignal);
        Assert.Equal(9, outcome.Signal);
    }

    [Fact]
    public async Task Run_Cancelled_KillsTheWholeTreeQuickly()
    {
        using var cancellation = new CancellationTokenSource();
        var sleeperPid = new TaskCompletionSource<int>();
        var spec = new ProcessSpec("/bin/sh", ["-c", "sleep 30 & echo $!; wait"], new Dictionary<string, string>(), _temp.Path);
        var clock = Stopwatch.StartNew();

        var run = _runtime.RunAsync(spec, line => sleeperPid.TrySetResult(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture)), cancellation.Token);
        var pid = await sleeperPid.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancellation took {clock.Elapsed}");
        Assert.True(await IsGoneAsync(pid), $"the background 'sleep 30' (pid {pid}) survived the cancellation");
    }

    [Fact]
    public async Task Run_BackgroundChildHoldsOutputOpen_ReturnsSoonAfterTheProcessExits()
    {
        var clock = Stopwatch.StartNew();

        var outcome = await RunShellAsync("sleep 6 & echo parent done");

        Assert.True(outcome.Succeeded);
        Assert.Contains("parent done", _lines);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: it waited for the orphaned child's output");
    }

    [Fact]
    public async Task Run_MissingProgram_ThrowsStartExceptionNamingIt()
    {
        var spec = new ProcessSpec("/no/such/program", [], new Dictionary<string, string>(), _temp.Path);

        var error = await Assert.ThrowsAsync<ProcessStartException>(() => _runtime.RunAsync(spec, _lines.Add, CancellationToken.None));

        Assert.Contains("/no/such/program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProgramReadingStdin_SeesEndOfInputInsteadOfHanging()
    {
        var outcome = await RunShellAsync("cat; echo done").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(outcome.Succeeded);
        Assert.Equal(["done"], _lines);
    }

    private Task<ProcessOutcome> RunShellAsync(string script) =>
        _runtime.RunAsync(new ProcessSpec("/bin/sh", ["-c", script], new Dictionary<string, string>(), _temp.Path), _lines.Add, CancellationToken.None);

    private static async Task<bool> IsGoneAsync(int pid)
    {
        for (var i = 0; i < 40; i++)
        {
            // A killed child may linger as a zombie until reaped by init; a zombie is gone for our purposes.
            var status = $"/proc/{pid}/status";
            if (!File.Exists(status) || File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
