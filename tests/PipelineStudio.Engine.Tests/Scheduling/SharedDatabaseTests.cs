using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Tests.Scheduling;

/// <summary>
/// Engines that share one database (the web app next to a CLI run): leases, stop requests and callback answers that
/// arrive through the store, and a clean shutdown.
/// </summary>
public sealed class SharedDatabaseTests
{
    private static readonly Dictionary<string, string> Approved = new() { ["answer"] = "yes" };

    private static JsonObject CallbackPipeline() => Defs.Pipeline(
        new JsonObject
        {
            ["Name"] = "Approve", ["Type"] = "Callback", ["SqsQueueUrl"] = "q", ["Arguments"] = new JsonObject(),
            ["OutputParameters"] = new JsonArray(new JsonObject { ["OutputName"] = "answer", ["OutputType"] = "String" }),
        },
        Defs.Step("After", new JsonObject { ["Got"] = Defs.Get("Steps.Approve.OutputParameters['answer']") }));

    /// <summary>An unfinished execution as another engine left it: owner, lease, and one Pending step.</summary>
    private static async Task<ExecutionRecord> ForeignAsync(EngineHarness engine, string? owner, DateTimeOffset? leaseEnd)
    {
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A")));
        var execution = new ExecutionRecord(
            "foreign00001", EngineHarness.PipelineName, 1, ExecutionStatus.Executing, new Dictionary<string, string>(), DateTimeOffset.UtcNow,
            OwnerId: owner, LeaseExpiresAt: leaseEnd);
        await engine.Store.CreateExecutionAsync(execution, [new StepRecord(execution.Id, "A", "Processing", StepStatus.Pending)]);
        return execution;
    }

    [Fact]
    public async Task Callback_AnsweredThroughTheStoreByAnotherProcess_StepTakesTheAnswerUp()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(CallbackPipeline());
        var execution = await engine.StartAsync();
        var token = await engine.WaitForCallbackTokenAsync(execution.Id, "Approve");

        // What `pipelinestudio callback` or another studio does: only the shared store is touched, nothing in this process.
        Assert.Equal(CallbackCompletionOutcome.Completed, await engine.Callbacks.CompleteAsync(token, true, Approved, null, DateTimeOffset.UtcNow));
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("yes", engine.Executor.Contexts.Single().Arguments["Got"]!.GetValue<string>());
        Assert.False((await engine.Callbacks.GetAsync(token))!.IsOpen);
    }

    [Fact]
    public async Task Callback_AnsweredTwiceOrAfterTheStepStopped_IsRefusedWithTheReason()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(CallbackPipeline());
        var execution = await engine.StartAsync();
        var token = await engine.WaitForCallbackTokenAsync(execution.Id, "Approve");
        await engine.Backend.CompleteCallbackAsync(token, true, Approved, null);
        await engine.WaitAsync(execution.Id);

        var twice = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.Backend.CompleteCallbackAsync(token, true, Approved, null));
        Assert.Contains("already answered", twice.Message, StringComparison.Ordinal);

        var second = await engine.StartAsync();
        var secondToken = await engine.WaitForCallbackTokenAsync(second.Id, "Approve");
        await engine.Backend.StopAsync(second.Id);
        await engine.WaitAsync(second.Id);
        var late = await Assert.ThrowsAsync<ExecutionRefusedException>(() => engine.Backend.CompleteCallbackAsync(secondToken, true, Approved, null));
        Assert.Contains("no longer waiting", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_ExecutionLeasedByALiveEngineElsewhere_IsLeftAlone()
    {
        using var engine = new EngineHarness();
        var execution = await ForeignAsync(engine, "another-host/4242/1/abcd", DateTimeOffset.UtcNow.AddMinutes(5));

        var resumed = await engine.Recovery.ResumeAsync();

        Assert.Empty(resumed);
        Assert.Empty(engine.Executor.Calls);
        Assert.Equal("another-host/4242/1/abcd", (await engine.Store.GetExecutionAsync(execution.Id))!.OwnerId);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("dead-process")]
    [InlineData("no-owner")]
    public async Task Recovery_ExecutionWhoseOwnerIsGone_IsTakenOverAndFinished(string how)
    {
        using var engine = new EngineHarness();
        var (owner, lease) = how switch
        {
            "expired" => ("another-host/4242/1/abcd", DateTimeOffset.UtcNow.AddSeconds(-1)),
            // Same machine, a process id no process has: known dead, however long its lease would still run.
            "dead-process" => ($"{Environment.MachineName}/{int.MaxValue - 7}/1/abcd", DateTimeOffset.UtcNow.AddMinutes(5)),
            _ => ((string?)null, (DateTimeOffset?)null),
        };
        var execution = await ForeignAsync(engine, owner, lease);

        var resumed = await engine.Recovery.ResumeAsync();
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal([execution.Id], resumed);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["A"], engine.Executor.Calls);
        Assert.NotEqual(owner, (await engine.Store.GetExecutionAsync(execution.Id))!.OwnerId);
    }

    [Fact]
    public async Task Keeper_StopRequestedInTheStoreByAnotherProcess_StopsTheRunningExecution()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("A", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return StepResult.Success();
        });
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A"), Defs.Step("B", null, "A")));
        var execution = await engine.StartAsync();
        await WaitForStatusAsync(engine, execution.Id, "A", StepStatus.Executing);

        Assert.True(await engine.Store.RequestStopAsync(execution.Id));
        await engine.Keeper.KeepAsync(renew: true, adopt: false);
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Stopped, result.Status);
        var steps = await engine.StepsAsync(execution.Id);
        Assert.Equal((StepStatus.Stopped, StepStatus.NotExecuted), (steps["A"].Status, steps["B"].Status));
    }

    [Fact]
    public async Task Shutdown_RunningStep_KilledAndLeftPendingWithItsAttemptStoppedAndTheLeaseReleased()
    {
        using var engine = new EngineHarness();
        var killed = new TaskCompletionSource();
        engine.Executor.On("A", async (_, token) =>
        {
            using var registration = token.Register(() => killed.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            return StepResult.Success();
        });
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("A")));
        var execution = await engine.StartAsync();
        await WaitForStatusAsync(engine, execution.Id, "A", StepStatus.Executing);

        await engine.Backend.ShutdownAsync(TimeSpan.FromSeconds(5));

        Assert.True(killed.Task.IsCompleted, "The running step should have been cancelled.");
        var stored = await engine.Store.GetExecutionAsync(execution.Id);
        Assert.Equal(ExecutionStatus.Executing, stored!.Status);
        Assert.True(stored.LeaseExpiresAt <= DateTimeOffset.UtcNow, "The lease should be released for the next start.");
        Assert.Equal(StepStatus.Pending, (await engine.StepsAsync(execution.Id))["A"].Status);
        var attempt = Assert.Single(await engine.Store.ListAttemptsAsync(execution.Id, "A"));
        Assert.Equal((StepStatus.Stopped, LocalExecutionBackend.ShutdownReason), (attempt.Status, attempt.FailureReason));
    }

    [Fact]
    public async Task Recovery_CallbackStepCaughtWaiting_WaitsAgainOnTheSameTokenWithoutAFailedAttempt()
    {
        using var engine = new EngineHarness();
        await engine.SaveAsync(CallbackPipeline());
        var then = DateTimeOffset.UtcNow.AddMinutes(-3);
        var execution = new ExecutionRecord("waiting00001", EngineHarness.PipelineName, 1, ExecutionStatus.Executing, new Dictionary<string, string>(), then);
        await engine.Store.CreateExecutionAsync(execution,
        [
            new StepRecord(execution.Id, "Approve", "Callback", StepStatus.Executing, then, then, null, 1),
            new StepRecord(execution.Id, "After", "Processing", StepStatus.Pending),
        ]);
        await engine.Store.SaveAttemptAsync(new AttemptRecord(execution.Id, "Approve", 1, StepStatus.Executing, then));
        await engine.Callbacks.IssueAsync(new CallbackRecord("Tok0000001", execution.Id, "Approve", then));

        await engine.Recovery.ResumeAsync();
        Assert.Equal("Tok0000001", await engine.WaitForCallbackTokenAsync(execution.Id, "Approve"));
        await engine.Backend.CompleteCallbackAsync("Tok0000001", true, Approved, null);
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var attempts = await engine.Store.ListAttemptsAsync(execution.Id, "Approve");
        Assert.Equal([StepStatus.Stopped, StepStatus.Succeeded], attempts.Select(a => a.Status));
    }

    private static async Task WaitForStatusAsync(EngineHarness engine, string executionId, string step, StepStatus status)
    {
        for (var i = 0; i < 400 && (await engine.StepsAsync(executionId))[step].Status != status; i++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(status, (await engine.StepsAsync(executionId))[step].Status);
    }
}
