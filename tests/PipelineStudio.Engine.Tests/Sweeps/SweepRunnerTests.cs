using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Engine.Tests.Sweeps;

public sealed class SweepRunnerTests
{
    [Fact]
    public async Task Sweep_SixMembersCapTwo_NeverRunsMoreThanTwoAndFinishesAll()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();

        var record = await sweep.StartAsync(Enumerable.Repeat("ok", 6), concurrency: 2, failFast: false);

        // Each release ends one step; the runner must then fill the freed slot, never more.
        for (var released = 0; released < 6; released++)
        {
            var expected = Math.Min(2, 6 - released);
            await SweepHarness.EventuallyAsync(() => sweep.Unfinished == expected, $"{expected} executions run after {released} finished");
            sweep.Release();
        }

        var done = await sweep.WaitAsync(record.Id);
        Assert.Equal(SweepStatus.Completed, done.Status);
        Assert.NotNull(done.EndedAt);
        Assert.Equal(2, sweep.MaxConcurrent);
        var members = await sweep.MembersAsync(record.Id);
        Assert.All(members, m => Assert.Equal(SweepMemberState.Succeeded, m.State));
        Assert.Equal(6, members.Select(m => m.ExecutionId).Distinct().Count());
        Assert.Empty(sweep.Errors);
    }

    [Fact]
    public async Task Sweep_FailFastAndOneFails_StopsTheRunningOneAndStartsNoMore()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();

        var record = await sweep.StartAsync(["ok", "fail", "ok", "ok", "ok", "ok"], concurrency: 2, failFast: true);
        var done = await sweep.WaitAsync(record.Id);

        Assert.Equal(SweepStatus.Failed, done.Status);
        var members = await sweep.MembersAsync(record.Id);
        Assert.Equal(
            [SweepMemberState.Stopped, SweepMemberState.Failed, SweepMemberState.NotStarted, SweepMemberState.NotStarted, SweepMemberState.NotStarted, SweepMemberState.NotStarted],
            members.Select(m => m.State));
        Assert.All(members.Skip(2), m => Assert.Null(m.ExecutionId));
        Assert.Contains("execution #2 failed", members[5].Note, StringComparison.Ordinal);
        Assert.Equal(ExecutionStatus.Stopped, (await sweep.Engine.Store.GetExecutionAsync(members[0].ExecutionId!))!.Status);
        Assert.Equal(2, (await sweep.Engine.Store.ListExecutionsAsync(new ExecutionQuery())).Count);
    }

    [Fact]
    public async Task Sweep_WithoutFailFast_RunsTheRestAfterAFailure()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();
        sweep.Release(10);

        var record = await sweep.StartAsync(["fail", "ok", "ok", "ok"], concurrency: 2, failFast: false);
        var done = await sweep.WaitAsync(record.Id);

        Assert.Equal(SweepStatus.Failed, done.Status);
        var members = await sweep.MembersAsync(record.Id);
        Assert.Equal([SweepMemberState.Failed, SweepMemberState.Succeeded, SweepMemberState.Succeeded, SweepMemberState.Succeeded], members.Select(m => m.State));
    }

    [Fact]
    public async Task Stop_WhileRunning_StopsRunningMembersAndSkipsWaitingOnes()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();
        var record = await sweep.StartAsync(Enumerable.Repeat("ok", 5), concurrency: 2, failFast: false);
        await SweepHarness.EventuallyAsync(() => sweep.Unfinished == 2, "two executions run");

        Assert.True(await sweep.Runner.StopAsync(record.Id));
        var done = await sweep.WaitAsync(record.Id);

        Assert.Equal(SweepStatus.Stopped, done.Status);
        Assert.True(done.StopRequested);
        var members = await sweep.MembersAsync(record.Id);
        Assert.Equal(
            [SweepMemberState.Stopped, SweepMemberState.Stopped, SweepMemberState.NotStarted, SweepMemberState.NotStarted, SweepMemberState.NotStarted],
            members.Select(m => m.State));
        Assert.Equal("Not started: the sweep was stopped.", members[4].Note);
    }

    [Fact]
    public async Task Stop_UnknownSweep_SaysSo()
    {
        await using var sweep = new SweepHarness();

        Assert.False(await sweep.Runner.StopAsync("nope"));
    }

    [Fact]
    public async Task Sweep_HubThatLosesEveryEvent_StillFinishesByCheckingTheStore()
    {
        await using var sweep = new SweepHarness(runnerHub: new DeafHub(), pollInterval: TimeSpan.FromMilliseconds(20));
        await sweep.SavePipelineAsync();
        sweep.Release(10);

        var record = await sweep.StartAsync(Enumerable.Repeat("ok", 4), concurrency: 1, failFast: false);
        var done = await sweep.WaitAsync(record.Id);

        Assert.Equal(SweepStatus.Completed, done.Status);
        Assert.Equal(1, sweep.MaxConcurrent);
    }

    [Fact]
    public async Task Sweep_MemberTheEngineRefuses_FailsWithTheReasonAndFailFastSkipsTheRest()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();
        var spec = new SweepSpec(SweepMode.Grid, [new SweepAxis("Bogus", ["1"])], new Dictionary<string, string>());
        IReadOnlyList<IReadOnlyDictionary<string, string>> members =
            [new Dictionary<string, string> { ["Bogus"] = "1" }, new Dictionary<string, string> { ["Mode"] = "ok" }];

        var record = await sweep.Runner.StartAsync(new SweepLaunch("demo", 1, spec, members, 1, FailFast: true, "tester"));
        var done = await sweep.WaitAsync(record.Id);

        Assert.Equal(SweepStatus.Failed, done.Status);
        var stored = await sweep.MembersAsync(record.Id);
        Assert.Equal(SweepMemberState.Failed, stored[0].State);
        Assert.StartsWith("Refused: Parameter 'Bogus' is not defined", stored[0].Note, StringComparison.Ordinal);
        Assert.Equal(SweepMemberState.NotStarted, stored[1].State);
    }

    [Fact]
    public async Task Resume_SweepLeftRunning_SettlesFinishedMembersAndRunsTheRest()
    {
        await using var sweep = new SweepHarness();
        await sweep.SavePipelineAsync();
        sweep.Release(10);
        var finished = await sweep.Engine.RunAsync(
            Scheduling.Defs.PipelineWith([Scheduling.Defs.Parameter("Mode", "String", "ok")], Scheduling.Defs.Step("Work", new() { ["Mode"] = "ok" })));
        var ok = new Dictionary<string, string> { ["Mode"] = "ok" };
        var left = new SweepRecord("left", "demo", 1, SweepMode.Grid, "{}", 1, false, SweepStatus.Running, DateTimeOffset.UtcNow, "tester");
        await sweep.Sweeps.CreateAsync(left, [
            new SweepMemberRecord("left", 0, ok, SweepMemberState.Running, finished.Id),
            new SweepMemberRecord("left", 1, ok, SweepMemberState.Pending),
        ]);

        Assert.Equal(1, await sweep.Runner.ResumeAsync());
        var done = await sweep.WaitAsync("left");

        Assert.Equal(SweepStatus.Completed, done.Status);
        var members = await sweep.MembersAsync("left");
        Assert.All(members, m => Assert.Equal(SweepMemberState.Succeeded, m.State));
        Assert.NotNull(members[1].ExecutionId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SweepRunner.MaxConcurrency + 1)]
    public async Task Start_ConcurrencyOutOfRange_IsRefusedNamingIt(int concurrency)
    {
        await using var sweep = new SweepHarness();

        var error = await Assert.ThrowsAsync<SweepRefusedException>(() => sweep.StartAsync(["ok"], concurrency, failFast: false));

        Assert.Contains($"it is {concurrency}", error.Message, StringComparison.Ordinal);
        Assert.Empty(await sweep.Sweeps.ListAsync());
    }

    /// <summary>A hub that accepts subscriptions and never calls them, as if every event were lost.</summary>
    private sealed class DeafHub : IRunEventHub
    {
        public void Publish(RunEvent runEvent)
        {
        }

        public IDisposable Subscribe(string? executionId, Func<RunEvent, ValueTask> listener) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
