using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model.Comparison;
using static PipelineStudio.Web.Tests.Model.Comparison.ComparisonFixtures;

namespace PipelineStudio.Web.Tests.Model.Comparison;

public sealed class ExecutionComparisonTests
{
    [Fact]
    public void Parameters_ThreeExecutions_RowsByNameAndOnlyChangedOnesDiffer()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", new() { ["Rate"] = "0.1", ["Seed"] = "7", ["Region"] = "eu" }),
            Execution("b", new() { ["Rate"] = "0.5", ["Seed"] = "7", ["Region"] = "eu" }),
            Execution("c", new() { ["Rate"] = "0.1", ["Seed"] = "7", ["Region"] = "us" }),
        ]);

        Assert.Equal(["Rate", "Region", "Seed"], comparison.Parameters.Select(p => p.Name));
        Assert.Equal(["Rate", "Region"], comparison.DifferingParameters.Select(p => p.Name));
        var rate = comparison.Parameters[0];
        Assert.Equal(["0.1", "0.5", "0.1"], rate.Values);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(rate.DiffersFromBaseline));
    }

    [Fact]
    public void Parameters_DifferentPipelines_MissingParameterIsNullAndCountsAsDifferent()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", new() { ["Seed"] = "7", ["Depth"] = "3" }, pipeline: "trees"),
            Execution("b", new() { ["Seed"] = "7" }, pipeline: "churn", version: 4),
        ]);

        var depth = Assert.Single(comparison.DifferingParameters);
        Assert.Equal(["3", null], depth.Values);
        Assert.Equal(["trees v1", "churn v4"], comparison.PipelineVersions);
    }

    [Fact]
    public void Metrics_HigherAndLowerIsBetter_BestMarkedPerDirection()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", metrics: [new("auc", "Evaluate", 0.81), new("loss", "Train", 0.40)]),
            Execution("b", metrics: [new("auc", "Evaluate", 0.86), new("loss", "Train", 0.52)]),
            Execution("c", metrics: [new("loss", "Train", 0.40)]),
        ]);

        var auc = comparison.Metrics.Single(m => m.Name == "auc");
        Assert.Equal([0.81, 0.86, null], auc.Values);
        Assert.Equal([1], auc.Best);
        var loss = comparison.Metrics.Single(m => m.Name == "loss");
        Assert.False(loss.HigherIsBetter);
        Assert.Equal([0, 2], loss.Best.Order());
        Assert.Equal(0.05, auc.DifferenceFromBaseline(1)!.Value, 10);
        Assert.Null(auc.DifferenceFromBaseline(2));
    }

    [Fact]
    public void Metrics_DeclaredGoalWinsOverTheName()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", metrics: [new("validation:error", "Tune", 0.2, Maximize: true)]),
            Execution("b", metrics: [new("validation:error", "Tune", 0.3)]),
        ]);

        var row = Assert.Single(comparison.Metrics);
        Assert.True(row.HigherIsBetter);
        Assert.Equal([1], row.Best);
    }

    [Fact]
    public void Metrics_AllEqualOrOnlyOneValue_NoBest()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", metrics: [new("auc", "E", 0.8), new("f1", "E", 0.5)]),
            Execution("b", metrics: [new("auc", "E", 0.8)]),
        ]);

        Assert.All(comparison.Metrics, m => Assert.Empty(m.Best));
    }

    [Fact]
    public void Steps_UnionInDefinitionOrder_WithDurationsStatusesAndCacheHits()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", steps: [Step("a", "Prepare", 4), Step("a", "Train", 30)]),
            Execution("b", steps: [Step("b", "Prepare", 0.1, cachedFrom: "a"), Step("b", "Train", 12, StepStatus.Failed), Step("b", "Report", 1)]),
        ]);

        Assert.Equal(["Prepare", "Train", "Report"], comparison.Steps.Select(s => s.Name));
        var prepare = comparison.Steps[0].Cells;
        Assert.Equal(TimeSpan.FromSeconds(4), prepare[0]!.Duration);
        Assert.True(prepare[1]!.IsCacheHit);
        Assert.Equal("a", prepare[1]!.CacheHitSource);
        Assert.Equal(StepStatus.Failed, comparison.Steps[1].Cells[1]!.Status);
        Assert.Null(comparison.Steps[2].Cells[0]);
        Assert.Equal([new CacheSummary(0, 2), new CacheSummary(1, 3)], comparison.CacheHits);
    }

    [Fact]
    public void Steps_NotStartedOrNotExecuted_NoDurationAndNotCounted()
    {
        var comparison = ExecutionComparison.Of([
            Execution("a", steps: [new StepRecord("a", "Branch", "Fail", StepStatus.NotExecuted), Step("a", "Work", 2)]),
            Execution("b", steps: [new StepRecord("b", "Branch", "Fail", StepStatus.Executing, StartedAt: Start), Step("b", "Work", 3)]),
        ]);

        Assert.Null(comparison.Steps[0].Cells[0]!.Duration);
        Assert.Null(comparison.Steps[0].Cells[1]!.Duration);
        Assert.Equal([1, 2], comparison.CacheHits.Select(c => c.Steps));
    }
}
