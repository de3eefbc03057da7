using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class RunStoreQueryTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<IRunStore> SeededAsync()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("c1", "churn", minute: 1, status: ExecutionStatus.Succeeded);
        await store.CreateAsync("f1", "fraud", minute: 2, status: ExecutionStatus.Failed);
        await store.CreateAsync("c2", "churn", minute: 3, status: ExecutionStatus.Failed);
        await store.CreateAsync("c3", "churn", minute: 4, status: ExecutionStatus.Executing);
        await store.CreateAsync("f2", "fraud", minute: 5, status: ExecutionStatus.Succeeded);
        return store;
    }

    private static async Task<IEnumerable<string>> IdsAsync(IRunStore store, ExecutionQuery query) =>
        (await store.ListExecutionsAsync(query)).Select(e => e.Id);

    [Fact]
    public async Task ListExecutionsAsync_NoFilter_AllNewestFirst()
    {
        var store = await SeededAsync();

        Assert.Equal(["f2", "c3", "c2", "f1", "c1"], await IdsAsync(store, new ExecutionQuery()));
    }

    [Fact]
    public async Task ListExecutionsAsync_ByPipeline_OnlyThatPipeline()
    {
        var store = await SeededAsync();

        Assert.Equal(["c3", "c2", "c1"], await IdsAsync(store, new ExecutionQuery(PipelineName: "churn")));
        Assert.Empty(await IdsAsync(store, new ExecutionQuery(PipelineName: "unknown")));
    }

    [Fact]
    public async Task ListExecutionsAsync_ByStatuses_AnyOfThem()
    {
        var store = await SeededAsync();

        Assert.Equal(["f2", "c2", "f1", "c1"],
            await IdsAsync(store, new ExecutionQuery(Statuses: [ExecutionStatus.Failed, ExecutionStatus.Succeeded])));
        Assert.Equal(["c2"],
            await IdsAsync(store, new ExecutionQuery(PipelineName: "churn", Statuses: [ExecutionStatus.Failed])));
    }

    [Fact]
    public async Task ListExecutionsAsync_CreatedWindow_StrictlyBetween()
    {
        var store = await SeededAsync();

        var ids = await IdsAsync(store, new ExecutionQuery(CreatedAfter: Runs.T0.AddMinutes(1), CreatedBefore: Runs.T0.AddMinutes(4)));

        Assert.Equal(["c2", "f1"], ids);
    }

    [Fact]
    public async Task ListExecutionsAsync_LimitAndOffset_Pages()
    {
        var store = await SeededAsync();

        Assert.Equal(["f2", "c3"], await IdsAsync(store, new ExecutionQuery(Limit: 2)));
        Assert.Equal(["c2", "f1"], await IdsAsync(store, new ExecutionQuery(Limit: 2, Offset: 2)));
        Assert.Equal(["c1"], await IdsAsync(store, new ExecutionQuery(Limit: 2, Offset: 4)));
    }

    [Fact]
    public async Task ListExecutionsAsync_ZeroLimit_ThrowsArgumentOutOfRange()
    {
        var store = await SeededAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListExecutionsAsync(new ExecutionQuery(Limit: 0)));
    }

    [Fact]
    public async Task ListStepsOfExecutionsAsync_SeveralExecutions_EachOnesStepsInDefinitionOrder()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("a", steps: ["Train", "Evaluate", "Deploy"]);
        await store.CreateAsync("b", steps: ["Prepare", "Fit"]);
        await store.CreateAsync("not-asked", steps: ["Other"]);
        await store.CreateAsync("no-steps");
        await store.SaveStepAsync(Runs.Step("b", "Fit", StepStatus.Succeeded));

        var steps = await store.ListStepsOfExecutionsAsync(["b", "a", "no-steps", "unknown", "a"]);

        Assert.Equal(["a", "b"], steps.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Train", "Evaluate", "Deploy"], steps["a"].Select(s => s.StepName));
        Assert.Equal([("Prepare", StepStatus.Pending), ("Fit", StepStatus.Succeeded)], steps["b"].Select(s => (s.StepName, s.Status)));
        Assert.Empty(await store.ListStepsOfExecutionsAsync([]));
    }

    [Fact]
    public async Task ListAttemptsOfExecutionAsync_AttemptsOfSeveralSteps_AllOfThisExecutionByStepThenAttempt()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["Train", "Evaluate"]);
        await store.CreateAsync("x2", steps: ["Train"]);
        await store.SaveAttemptAsync(new AttemptRecord("x1", "Train", 2, StepStatus.Executing, Runs.T0.AddMinutes(2)));
        await store.SaveAttemptAsync(new AttemptRecord("x1", "Train", 1, StepStatus.Failed, Runs.T0, Runs.T0.AddMinutes(1), "boom"));
        await store.SaveAttemptAsync(new AttemptRecord("x1", "Evaluate", 1, StepStatus.Succeeded, Runs.T0, Runs.T0));
        await store.SaveAttemptAsync(new AttemptRecord("x2", "Train", 1, StepStatus.Executing, Runs.T0));

        var attempts = await store.ListAttemptsOfExecutionAsync("x1");

        Assert.Equal(
            [("Evaluate", 1, StepStatus.Succeeded), ("Train", 1, StepStatus.Failed), ("Train", 2, StepStatus.Executing)],
            attempts.Select(a => (a.StepName, a.Attempt, a.Status)));
        Assert.Equal("boom", attempts[1].FailureReason);
        Assert.Empty(await store.ListAttemptsOfExecutionAsync("unknown"));
    }

    private static StepRecord Cached(string executionId, DateTimeOffset endedAt, StepStatus status = StepStatus.Succeeded, string key = "k1") =>
        new(executionId, "Train", "Training", status, EndedAt: endedAt, CacheKey: key, PropertiesJson: $$"""{"from":"{{executionId}}"}""");

    [Fact]
    public async Task FindCacheHitAsync_SeveralCandidates_NewestSucceededWithinWindow()
    {
        var store = await _studio.OpenRunStoreAsync();
        foreach (var id in new[] { "old", "mid", "new", "failed", "otherkey", "other-pipeline" })
        {
            await store.CreateAsync(id, id == "other-pipeline" ? "fraud" : "churn", steps: ["Train"]);
        }

        await store.SaveStepAsync(Cached("old", Runs.T0.AddMinutes(-90)));
        await store.SaveStepAsync(Cached("mid", Runs.T0.AddMinutes(-30)));
        await store.SaveStepAsync(Cached("new", Runs.T0.AddMinutes(-10)));
        await store.SaveStepAsync(Cached("failed", Runs.T0.AddMinutes(-1), StepStatus.Failed));
        await store.SaveStepAsync(Cached("otherkey", Runs.T0.AddMinutes(-1), key: "k2"));
        await store.SaveStepAsync(Cached("other-pipeline", Runs.T0.AddMinutes(-1)));

        var hit = await store.FindCacheHitAsync("churn", "Train", "k1", Runs.T0.AddHours(-1));

        Assert.NotNull(hit);
        Assert.Equal(("new", """{"from":"new"}"""), (hit.ExecutionId, hit.PropertiesJson));
    }

    [Fact]
    public async Task FindCacheHitAsync_OnlyOlderThanNotBefore_IsNull()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("old", steps: ["Train"]);
        await store.SaveStepAsync(Cached("old", Runs.T0.AddMinutes(-90)));

        Assert.Null(await store.FindCacheHitAsync("churn", "Train", "k1", Runs.T0.AddHours(-1)));
        Assert.NotNull(await store.FindCacheHitAsync("churn", "Train", "k1", Runs.T0.AddMinutes(-90)));
    }

    [Fact]
    public async Task FindCacheHitAsync_OnlyFailedOrOtherPipelineOrOtherStep_IsNull()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("failed", steps: ["Train"]);
        await store.CreateAsync("fraud", "fraud", steps: ["Train"]);
        await store.SaveStepAsync(Cached("failed", Runs.T0, StepStatus.Failed));
        await store.SaveStepAsync(Cached("fraud", Runs.T0));

        Assert.Null(await store.FindCacheHitAsync("churn", "Train", "k1", Runs.T0.AddDays(-1)));
        Assert.Null(await store.FindCacheHitAsync("fraud", "Evaluate", "k1", Runs.T0.AddDays(-1)));
        Assert.NotNull(await store.FindCacheHitAsync("fraud", "Train", "k1", Runs.T0.AddDays(-1)));
    }
}
