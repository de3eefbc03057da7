using System.Text.Json.Nodes;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Tests.Scheduling;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Run_ExecutionCapOfTwo_NeverMoreThanTwoStepsAtOnce()
    {
        using var engine = new EngineHarness(maxParallel: 8);
        engine.Executor.DefaultDuration = TimeSpan.FromMilliseconds(80);
        var steps = Enumerable.Range(1, 6).Select(i => Defs.Step($"S{i}")).ToArray();

        var result = await engine.RunAsync(Defs.Pipeline(steps), maxParallel: 2);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, engine.Executor.MaxConcurrent);
        Assert.Equal(6, engine.Executor.Calls.Count);
    }

    [Fact]
    public async Task Run_GlobalCapOfThree_NeverMoreThanThreeStepsAtOnce()
    {
        using var engine = new EngineHarness(maxParallel: 3);
        engine.Executor.DefaultDuration = TimeSpan.FromMilliseconds(80);
        var steps = Enumerable.Range(1, 8).Select(i => Defs.Step($"S{i}")).ToArray();

        var result = await engine.RunAsync(Defs.Pipeline(steps));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, engine.Executor.MaxConcurrent);
    }

    [Fact]
    public async Task Run_DependsOnAndReference_RunInOrderWithResolvedValue()
    {
        using var engine = new EngineHarness();
        engine.Executor.DefaultDuration = TimeSpan.FromMilliseconds(20);
        var definition = Defs.Pipeline(
            Defs.Step("C", new JsonObject { ["Upstream"] = Defs.Get("Steps.B.ProcessingJobName") }),
            Defs.Step("B", null, "A"),
            Defs.Step("A"));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["A", "B", "C"], engine.Executor.Calls);
        var c = engine.Executor.Contexts.Single(x => x.StepName == "C");
        Assert.Equal("B", c.Arguments["Upstream"]!.GetValue<string>());
        var steps = await engine.StepsAsync(result.Id);
        Assert.All(steps.Values, s => Assert.NotNull(s.QueuedAt));
        Assert.True(steps["B"].StartedAt >= steps["A"].EndedAt);
    }

    [Theory]
    [InlineData("a", "IfStep", new[] { "ElseStep", "Inner", "Deep", "DeepElse" })]
    [InlineData("b", "Deep", new[] { "IfStep" , "DeepElse" })]
    public async Task Run_Condition_TakenBranchRunsOtherBranchNotExecuted(string mode, string expectedRun, string[] notExecuted)
    {
        using var engine = new EngineHarness();
        var inner = Defs.Condition("Inner", Defs.EqualsCondition(Defs.Get("Parameters.Mode"), "b"), [Defs.Step("Deep")], [Defs.Step("DeepElse")]);
        var outer = Defs.Condition("Check", Defs.EqualsCondition(Defs.Get("Parameters.Mode"), "a"), [Defs.Step("IfStep")], [Defs.Step("ElseStep"), inner]);
        var definition = Defs.PipelineWith([Defs.Parameter("Mode", "String", "a")], outer, Defs.Step("After", null, "Check"));

        var result = await engine.RunAsync(definition, new Dictionary<string, string> { ["Mode"] = mode });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var steps = await engine.StepsAsync(result.Id);
        Assert.Equal(StepStatus.Succeeded, steps[expectedRun].Status);
        Assert.Equal(StepStatus.Succeeded, steps["After"].Status);
        Assert.All(notExecuted, name => Assert.Equal(StepStatus.NotExecuted, steps[name].Status));
        Assert.DoesNotContain(engine.Executor.Calls, notExecuted.Contains);
    }

    [Fact]
    public async Task Run_StepFails_DownstreamNotExecutedIndependentRunsExecutionFailed()
    {
        using var engine = new EngineHarness();
        engine.Executor.On("A", (_, _) => Task.FromResult(StepResult.Failure("boom", FailureKinds.AlgorithmError)));
        var definition = Defs.Pipeline(Defs.Step("A"), Defs.Step("B", null, "A"), Defs.Step("Lone"));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("Step 'A' failed", result.FailureReason);
        Assert.Contains("boom", result.FailureReason);
        var steps = await engine.StepsAsync(result.Id);
        Assert.Equal(StepStatus.Failed, steps["A"].Status);
        Assert.Equal(StepStatus.NotExecuted, steps["B"].Status);
        Assert.Equal(StepStatus.Succeeded, steps["Lone"].Status);
    }

    [Fact]
    public async Task Run_FailStep_ExecutionFailedWithEvaluatedMessage()
    {
        using var engine = new EngineHarness();
        var message = new JsonObject { ["Std:Join"] = new JsonObject { ["On"] = " ", ["Values"] = new JsonArray("too low:", Defs.Get("Parameters.Score")) } };
        var definition = Defs.PipelineWith([Defs.Parameter("Score", "Integer", 3)], Defs.Fail("Stop", message));

        var result = await engine.RunAsync(definition);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Step 'Stop' failed with message: too low: 3", result.FailureReason);
        var steps = await engine.StepsAsync(result.Id);
        Assert.Equal("too low: 3", steps["Stop"].FailureReason);
    }

    [Fact]
    public async Task Stop_RunningStep_StepAndExecutionStopped()
    {
        using var engine = new EngineHarness();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Executor.On("Long", async (_, ct) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return StepResult.Success();
        });
        await engine.SaveAsync(Defs.Pipeline(Defs.Step("Long"), Defs.Step("Next", null, "Long")));
        var execution = await engine.StartAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await engine.Backend.StopAsync(execution.Id);
        var result = await engine.WaitAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Stopped, result.Status);
        var steps = await engine.StepsAsync(execution.Id);
        Assert.Equal(StepStatus.Stopped, steps["Long"].Status);
        Assert.Equal(StepStatus.NotExecuted, steps["Next"].Status);
        Assert.Contains(engine.Store.Writes.OfType<ExecutionRecord>(), e => e.Status == ExecutionStatus.Stopping);
    }

    [Fact]
    public async Task Retry_FailedExecution_RerunsOnlyFailedStepAndItsDownstream()
    {
        using var engine = new EngineHarness();
        var calls = 0;
        engine.Executor.On("B", (ctx, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? StepResult.Failure("first time", FailureKinds.AlgorithmError)
            : StepResult.Success(new JsonObject { ["ProcessingJobName"] = "B" })));
        var failed = await engine.RunAsync(Defs.Pipeline(Defs.Step("A"), Defs.Step("B", null, "A"), Defs.Step("C", null, "B")));
        Assert.Equal(ExecutionStatus.Failed, failed.Status);

        await engine.Backend.RetryAsync(failed.Id);
        var result = await engine.WaitAsync(failed.Id);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["A", "B", "B", "C"], engine.Executor.Calls);
        var steps = await engine.StepsAsync(failed.Id);
        Assert.Equal(2, steps["B"].AttemptCount);
        var attempts = await engine.Store.ListAttemptsAsync(failed.Id, "B");
        Assert.Equal([StepStatus.Failed, StepStatus.Succeeded], attempts.Select(a => a.Status));
    }

    [Fact]
    public async Task Retry_ExecutionEndedAtFailStep_Refused()
    {
        using var engine = new EngineHarness();
        var failed = await engine.RunAsync(Defs.Pipeline(Defs.Fail("Stop", "no")));

        var refusal = await Assert.ThrowsAsync<PipelineStudio.Core.Abstractions.ExecutionRefusedException>(() => engine.Backend.RetryAsync(failed.Id));

        Assert.Contains("Fail step 'Stop'", refusal.Message);
    }
}
