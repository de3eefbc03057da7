using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Tests.Scheduling;

namespace PipelineStudio.Engine.Tests.Middleware;

public sealed class CacheTests
{
    private static JsonObject CachedPipeline()
    {
        var step = Defs.Step("Prep", new JsonObject { ["Input"] = "s3://bucket/data.csv" });
        step["CacheConfig"] = new JsonObject { ["Enabled"] = true, ["ExpireAfter"] = "PT1H" };
        return Defs.Pipeline(step);
    }

    [Fact]
    public async Task Run_SameArgumentsWithinExpiry_CacheHitWithoutExecutorCall()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var engine = new EngineHarness(time: clock);
        var first = await engine.RunAsync(CachedPipeline());
        clock.Advance(TimeSpan.FromMinutes(30));

        var second = await engine.WaitAsync((await engine.StartAsync()).Id);

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.Single(engine.Executor.Calls);
        var step = (await engine.StepsAsync(second.Id))["Prep"];
        Assert.Equal(StepStatus.Succeeded, step.Status);
        Assert.Equal(first.Id, step.CacheHitSourceExecutionId);
        Assert.Contains("\"ProcessingJobName\":\"Prep\"", step.PropertiesJson);
    }

    [Fact]
    public async Task Run_AfterExpiry_CacheMissExecutorCalledAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var engine = new EngineHarness(time: clock);
        await engine.RunAsync(CachedPipeline());
        clock.Advance(TimeSpan.FromHours(2));

        var second = await engine.WaitAsync((await engine.StartAsync()).Id);

        Assert.Equal(2, engine.Executor.Calls.Count);
        Assert.Null((await engine.StepsAsync(second.Id))["Prep"].CacheHitSourceExecutionId);
    }

    [Fact]
    public void ComputeKey_KeyOrderDiffers_SameKey()
    {
        var one = new JsonObject { ["a"] = 1, ["b"] = new JsonObject { ["x"] = true, ["y"] = "s" } };
        var two = new JsonObject { ["b"] = new JsonObject { ["y"] = "s", ["x"] = true }, ["a"] = 1 };

        Assert.Equal(CacheMiddleware.ComputeKey("Processing", one), CacheMiddleware.ComputeKey("Processing", two));
        Assert.NotEqual(CacheMiddleware.ComputeKey("Processing", one), CacheMiddleware.ComputeKey("Training", one));
    }

    [Theory]
    [InlineData("PT1H", true)]
    [InlineData("P30D", true)]
    [InlineData("one hour", false)]
    [InlineData(null, false)]
    public void TryParseDuration_IsoDurations_Parsed(string? text, bool expected)
    {
        Assert.Equal(expected, CacheMiddleware.TryParseDuration(text, out _));
    }
}
