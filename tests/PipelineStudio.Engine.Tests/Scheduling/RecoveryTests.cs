using System.Text.Json.Nodes;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class RecoveryTests
{
    private static readonly DateTimeOffset Then = DateTimeOffset.UtcNow.AddMinutes(-5);

    private static JsonObject Definition(bool retryInterrupted)
    {
        var b = Defs.Step("B", null, "A");
        if (retryInterrupted)
        {
            b["RetryPolicies"] = new JsonArray(new JsonObject
            {
                ["ExceptionType"] = new JsonArray(FailureKinds.JobInternalError), ["IntervalSeconds"] = 1, ["MaxAttempts"] = 2,
            });
        }

        return Defs.Pipeline(Defs.Step("A"), b, Defs.Step("C", null, "B"));
    }

    /// <summary>What a crash leaves: A finished, B mid-attempt, C waiting.</summary>
    private static async Task<ExecutionRecord> CrashedAsync(EngineHarness engine, bool retryInterrupted, ExecutionStatus status = ExecutionStatus.Executing)
    {
        await engine.SaveAsync(Definition(retryInterrupted));
        var execution = new ExecutionRecord("crashed00001", EngineHarness.PipelineName, 1, status, new Dictionary<string, string>(), Then);
        await engine.Store.CreateExecutionAsync(execution,
        [
            new StepRecord(execution.Id, "A", "Processing", StepStatus.Succeeded, Then, Then, Then, 1, PropertiesJson: """{"ProcessingJobName":"A"}"""),
            new StepRecord(execution.Id, "B", "Processing", StepStatus.Executing, Then, Then, null, 1),
            new StepRecord(execution.Id, "C", "Processing", StepStatus.Pending),
        ]);
        await engine.Store.SaveAttemptAsync(new AttemptRecord(execution.Id, "B", 1, StepStatus.Executing, Then));
        return execution;
    }

    [Fact]
    public async Task Resume_InterruptedStepWithRetryPolicy_RetriedFinishedStepsNotRerun()
    {
        using var engine = new EngineHarness();
        var execution = await CrashedAsync(engine, retryInterrupted: true);

        var resumed = await engine.Recovery.ResumeAsync();
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal([execution.Id], resumed);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["B", "C"], engine.Executor.Calls);
        var attempts = await engine.Store.ListAttemptsAsync(execution.Id, "B");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(StepStatus.Failed, attempts[0].Status);
        Assert.Equal(FailureKinds.JobInternalError, attempts[0].FailureKind);
        Assert.Equal(EngineRecovery.InterruptedReason, attempts[0].FailureReason);
        Assert.Equal(StepStatus.Succeeded, attempts[1].Status);
    }

    [Fact]
    public async Task Resume_InterruptedStepWithoutPolicy_StepFailedDownstreamNotExecuted()
    {
        using var engine = new EngineHarness();
        var execution = await CrashedAsync(engine, retryInterrupted: false);

        await engine.Recovery.ResumeAsync();
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("Step 'B'", result.FailureReason);
        Assert.Empty(engine.Executor.Calls);
        var steps = await engine.StepsAsync(execution.Id);
        Assert.Equal(StepStatus.Failed, steps["B"].Status);
        Assert.Equal(StepStatus.NotExecuted, steps["C"].Status);
    }

    [Fact]
    public async Task Resume_StoppingExecution_EndsStopped()
    {
        using var engine = new EngineHarness();
        var execution = await CrashedAsync(engine, retryInterrupted: true, ExecutionStatus.Stopping);

        await engine.Recovery.ResumeAsync();

        var stored = await engine.Store.GetExecutionAsync(execution.Id);
        Assert.Equal(ExecutionStatus.Stopped, stored!.Status);
        var steps = await engine.StepsAsync(execution.Id);
        Assert.Equal(StepStatus.Stopped, steps["B"].Status);
        Assert.Equal(StepStatus.NotExecuted, steps["C"].Status);
        Assert.Empty(engine.Executor.Calls);
    }

    [Fact]
    public async Task Stop_UnfinishedExecutionNotRunningHere_SettledStopped()
    {
        using var engine = new EngineHarness();
        var execution = await CrashedAsync(engine, retryInterrupted: true);

        await engine.Backend.StopAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Stopped, (await engine.Store.GetExecutionAsync(execution.Id))!.Status);
        var steps = await engine.StepsAsync(execution.Id);
        Assert.Equal(StepStatus.Succeeded, steps["A"].Status);
        Assert.Equal(StepStatus.Stopped, steps["B"].Status);
        Assert.Equal(StepStatus.NotExecuted, steps["C"].Status);
    }
}
