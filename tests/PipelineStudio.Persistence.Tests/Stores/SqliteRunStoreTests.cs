using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class SqliteRunStoreTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    [Fact]
    public async Task CreateExecutionAsync_EveryField_ReadsBackEqual()
    {
        var store = await _studio.OpenRunStoreAsync();
        var execution = new ExecutionRecord(
            "x1", "churn", 3, ExecutionStatus.Failed,
            new Dictionary<string, string> { ["Epochs"] = "10", ["Region"] = "eu-west-1" },
            new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            EndedAt: Runs.T0.AddHours(1), FailureReason: "Step 'Train' failed", DisplayName: "nightly",
            MaxParallelSteps: 4, SourceExecutionId: "x0", SelectedSteps: ["Train", "Evaluate"]);

        await store.CreateExecutionAsync(execution, []);

        var stored = await store.GetExecutionAsync("x1");
        Assert.NotNull(stored);
        Assert.Equal(execution.CreatedAt, stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Equal(execution.Parameters, stored.Parameters);
        Assert.Equal(execution.SelectedSteps, stored.SelectedSteps);
        Assert.Equal(
            (execution.Id, execution.PipelineName, execution.PipelineVersion, execution.Status, execution.EndedAt, execution.FailureReason,
                execution.DisplayName, execution.MaxParallelSteps, execution.SourceExecutionId),
            (stored.Id, stored.PipelineName, stored.PipelineVersion, stored.Status, stored.EndedAt, stored.FailureReason,
                stored.DisplayName, stored.MaxParallelSteps, stored.SourceExecutionId));
    }

    [Fact]
    public async Task GetExecutionAsync_UnknownId_IsNull()
    {
        var store = await _studio.OpenRunStoreAsync();

        Assert.Null(await store.GetExecutionAsync("nope"));
    }

    [Fact]
    public async Task CreateExecutionAsync_SameIdTwice_SecondFailsNamingItAndFirstStays()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["A"]);

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(
            () => store.CreateExecutionAsync(Runs.Execution("x1", pipeline: "other"), [Runs.Step("x1", "B")]));

        Assert.Contains("'x1'", error.Message, StringComparison.Ordinal);
        Assert.Equal("churn", (await store.GetExecutionAsync("x1"))!.PipelineName);
        Assert.Equal(["A"], (await store.ListStepsAsync("x1")).Select(s => s.StepName));
    }

    [Fact]
    public async Task CreateExecutionAsync_StepOfAnotherExecution_ThrowsArgumentException()
    {
        var store = await _studio.OpenRunStoreAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.CreateExecutionAsync(Runs.Execution("x1"), [Runs.Step("x2", "Train")]));

        Assert.Contains("'Train'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveExecutionAsync_StatusChange_Overwrites()
    {
        var store = await _studio.OpenRunStoreAsync();
        var execution = await store.CreateAsync("x1", steps: ["A"]);

        await store.SaveExecutionAsync(execution with { Status = ExecutionStatus.Succeeded, EndedAt = Runs.T0.AddMinutes(5) });

        var stored = await store.GetExecutionAsync("x1");
        Assert.Equal((ExecutionStatus.Succeeded, Runs.T0.AddMinutes(5)), (stored!.Status, stored.EndedAt));
        Assert.Single(await store.ListStepsAsync("x1"));
    }

    [Fact]
    public async Task ListStepsAsync_CreatedSteps_InDefinitionOrderNotByName()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["Preprocess", "Train", "Evaluate", "Condition", "ALast"]);

        var steps = await store.ListStepsAsync("x1");

        Assert.Equal(["Preprocess", "Train", "Evaluate", "Condition", "ALast"], steps.Select(s => s.StepName));
        Assert.All(steps, s => Assert.Equal(StepStatus.Pending, s.Status));
    }

    [Fact]
    public async Task SaveStepAsync_ExistingStep_UpdatesEveryFieldAndKeepsItsPlace()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["A", "B", "C"]);
        var updated = new StepRecord("x1", "B", "Training", StepStatus.Succeeded, Runs.T0, Runs.T0.AddSeconds(1), Runs.T0.AddSeconds(9),
            2, "none", "x0", "x-1", """{"ModelArtifacts":{}}""", """{"TrainingJob":{}}""", "key");

        await store.SaveStepAsync(updated with { Status = StepStatus.Executing });
        await store.SaveStepAsync(updated);

        var steps = await store.ListStepsAsync("x1");
        Assert.Equal(["A", "B", "C"], steps.Select(s => s.StepName));
        Assert.Equal(updated, steps[1]);
    }

    [Fact]
    public async Task SaveStepAsync_TextOutsideAsciiThenFieldsCleared_ReadsBackEachTime()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["Évaluer-模型"]);
        var failed = new StepRecord("x1", "Évaluer-模型", "Processing", StepStatus.Failed, Runs.T0, Runs.T0, Runs.T0.AddSeconds(2),
            1, "Échec: « données » manquantes ✗ 🚫", PropertiesJson: """{"Note":"naïve – 東京"}""", CacheKey: "ключ");

        await store.SaveStepAsync(failed);
        Assert.Equal(failed, (await store.ListStepsAsync("x1")).Single());

        // The writer reuses its statements: values of the previous write must not stay bound.
        var retried = new StepRecord("x1", "Évaluer-模型", "Processing", StepStatus.Starting, StartedAt: Runs.T0.AddMinutes(1), AttemptCount: 1);
        await store.SaveStepAsync(retried);
        Assert.Equal(retried, (await store.ListStepsAsync("x1")).Single());
    }

    [Fact]
    public async Task SaveStepAsync_StepNotCreatedWithTheExecution_AppendedLast()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["B", "A"]);

        await store.SaveStepAsync(Runs.Step("x1", "Added", StepStatus.Executing));

        Assert.Equal(["B", "A", "Added"], (await store.ListStepsAsync("x1")).Select(s => s.StepName));
    }

    [Fact]
    public async Task SaveStepAsync_UnknownExecution_FailsOnlyThatWrite()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["A"]);

        // Queued together, so they likely share a batch: the good writes must still land.
        var good = store.SaveStepAsync(Runs.Step("x1", "A", StepStatus.Executing));
        var bad = store.SaveStepAsync(Runs.Step("ghost", "A", StepStatus.Executing));
        var alsoGood = store.SaveAttemptAsync(new AttemptRecord("x1", "A", 1, StepStatus.Executing, Runs.T0));

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(() => bad);
        await good;
        await alsoGood;
        Assert.Contains("Step 'A' of execution 'ghost'", error.Message, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Executing, (await store.ListStepsAsync("x1")).Single().Status);
        Assert.Single(await store.ListAttemptsAsync("x1", "A"));
        Assert.Empty(await store.ListStepsAsync("ghost"));
    }

    [Fact]
    public async Task SaveAttemptAsync_SeveralAttempts_ListedInOrderWithLatestState()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["Train"]);
        var first = new AttemptRecord("x1", "Train", 1, StepStatus.Executing, Runs.T0);
        var second = new AttemptRecord("x1", "Train", 2, StepStatus.Executing, Runs.T0.AddMinutes(1));

        await store.SaveAttemptAsync(second);
        await store.SaveAttemptAsync(first);
        await store.SaveAttemptAsync(first with { Status = StepStatus.Failed, EndedAt = Runs.T0.AddSeconds(30), FailureReason = "exit 75", FailureKind = "SageMaker.JOB_INTERNAL_ERROR" });

        var attempts = await store.ListAttemptsAsync("x1", "Train");
        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
        Assert.Equal((StepStatus.Failed, "SageMaker.JOB_INTERNAL_ERROR", Runs.T0.AddSeconds(30)),
            (attempts[0].Status, attempts[0].FailureKind, attempts[0].EndedAt));
        Assert.Empty(await store.ListAttemptsAsync("x1", "Other"));
    }

    [Fact]
    public async Task SaveAttemptAsync_UnknownStep_ThrowsStudioDatabaseException()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["Train"]);

        var error = await Assert.ThrowsAsync<StudioDatabaseException>(
            () => store.SaveAttemptAsync(new AttemptRecord("x1", "Nope", 1, StepStatus.Executing, Runs.T0)));

        Assert.Contains("Attempt 1 of step 'Nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveStepAsync_CancelledToken_ThrowsAndStoresNothing()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("x1", steps: ["A"]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.SaveStepAsync(Runs.Step("x1", "A", StepStatus.Failed), new CancellationToken(canceled: true)));

        Assert.Equal(StepStatus.Pending, (await store.ListStepsAsync("x1")).Single().Status);
    }

    [Fact]
    public async Task ListUnfinishedAsync_MixedStatuses_OnlyExecutingAndStoppingOldestFirst()
    {
        var store = await _studio.OpenRunStoreAsync();
        await store.CreateAsync("running-late", minute: 5, status: ExecutionStatus.Executing);
        await store.CreateAsync("stopping", minute: 3, status: ExecutionStatus.Stopping);
        await store.CreateAsync("running-early", minute: 1, status: ExecutionStatus.Executing);
        await store.CreateAsync("done", minute: 2, status: ExecutionStatus.Succeeded);
        await store.CreateAsync("failed", minute: 4, status: ExecutionStatus.Failed);
        await store.CreateAsync("stopped", minute: 6, status: ExecutionStatus.Stopped);

        var unfinished = await store.ListUnfinishedAsync();

        Assert.Equal(["running-early", "stopping", "running-late"], unfinished.Select(e => e.Id));
    }
}
