using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Middleware;

public sealed class RetryTests
{
    private static JsonObject StepWithPolicy(JsonObject policy)
    {
        var step = Defs.Step("Flaky");
        step["RetryPolicies"] = new JsonArray(policy);
        return step;
    }

    private static async Task<ExecutionRecord> RunWithFakeClockAsync(EngineHarness engine, FakeTimeProvider clock, JsonObject definition)
    {
        await engine.SaveAsync(definition);
        var started = await engine.StartAsync();
        var completion = engine.Backend.WaitForCompletionAsync(started.Id);
        for (var i = 0; i < 2000 && !completion.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        return (await completion.WaitAsync(TimeSpan.FromSeconds(5)))!;
    }

    [Fact]
    public async Task Run_MatchingFailureKind_RetriedWithBackoffEveryAttemptRecorded()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var engine = new EngineHarness(time: clock);
        var callTimes = new ConcurrentQueue<DateTimeOffset>();
        engine.Executor.On("Flaky", (ctx, _) =>
        {
            callTimes.Enqueue(clock.GetUtcNow());
            return Task.FromResult(ctx.Attempt < 3 ? StepResult.Failure("capacity", FailureKinds.CapacityError) : StepResult.Success());
        });
        var policy = new JsonObject
        {
            ["ExceptionType"] = new JsonArray(FailureKinds.CapacityError), ["IntervalSeconds"] = 10, ["BackoffRate"] = 2.0, ["MaxAttempts"] = 3,
        };

        var result = await RunWithFakeClockAsync(engine, clock, Defs.Pipeline(StepWithPolicy(policy)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var times = callTimes.ToArray();
        Assert.Equal(3, times.Length);
        Assert.InRange((times[1] - times[0]).TotalSeconds, 10, 11);
        Assert.InRange((times[2] - times[1]).TotalSeconds, 20, 21);
        var attempts = await engine.Store.ListAttemptsAsync(result.Id, "Flaky");
        Assert.Equal([StepStatus.Failed, StepStatus.Failed, StepStatus.Succeeded], attempts.Select(a => a.Status));
        Assert.Equal(FailureKinds.CapacityError, attempts[0].FailureKind);
        Assert.Equal(3, (await engine.StepsAsync(result.Id))["Flaky"].AttemptCount);
    }

    [Fact]
    public async Task Run_MaxAttemptsExhausted_StepFailsAfterOnePlusMaxAttempts()
    {
        var clock = new FakeTimeProvider();
        using var engine = new EngineHarness(time: clock);
        engine.Executor.On("Flaky", (_, _) => Task.FromResult(StepResult.Failure("still broken", FailureKinds.JobInternalError)));
        var policy = new JsonObject { ["ExceptionType"] = new JsonArray(FailureKinds.JobInternalError), ["IntervalSeconds"] = 1, ["MaxAttempts"] = 2 };

        var result = await RunWithFakeClockAsync(engine, clock, Defs.Pipeline(StepWithPolicy(policy)));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(3, engine.Executor.Calls.Count);
    }

    [Fact]
    public async Task Run_AlgorithmError_NotRetried()
    {
        var clock = new FakeTimeProvider();
        using var engine = new EngineHarness(time: clock);
        engine.Executor.On("Flaky", (_, _) => Task.FromResult(StepResult.Failure("script failed", FailureKinds.AlgorithmError)));
        var policy = new JsonObject { ["ExceptionType"] = new JsonArray(FailureKinds.JobInternalError), ["MaxAttempts"] = 5 };

        var result = await RunWithFakeClockAsync(engine, clock, Defs.Pipeline(StepWithPolicy(policy)));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Single(engine.Executor.Calls);
    }

    [Theory]
    [InlineData(1, 10.0)]
    [InlineData(2, 20.0)]
    [InlineData(3, 40.0)]
    public void NextDelay_Backoff_GrowsByRate(int attemptsMade, double expectedSeconds)
    {
        var policies = new JsonArray(new JsonObject { ["ExceptionType"] = new JsonArray("Step.THROTTLING"), ["IntervalSeconds"] = 10, ["BackoffRate"] = 2, ["MaxAttempts"] = 5 });

        var delay = RetryPolicy.NextDelay(policies, "Step.THROTTLING", attemptsMade, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void NextDelay_ExpireAfterMinPassed_NoRetry()
    {
        var policies = new JsonArray(new JsonObject { ["ExceptionType"] = new JsonArray("Step.SERVICE_FAULT"), ["IntervalSeconds"] = 30, ["ExpireAfterMin"] = 1 });

        var within = RetryPolicy.NextDelay(policies, "Step.SERVICE_FAULT", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(10));
        var past = RetryPolicy.NextDelay(policies, "Step.SERVICE_FAULT", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(40));

        Assert.Equal(TimeSpan.FromSeconds(30), within);
        Assert.Null(past);
    }
}
