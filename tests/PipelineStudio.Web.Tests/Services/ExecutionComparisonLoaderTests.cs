using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Model.Registry;
using PipelineStudio.Web.Services;
using PipelineStudio.Web.Tests.Model.Comparison;

namespace PipelineStudio.Web.Tests.Services;

public sealed class ExecutionComparisonLoaderTests
{
    private readonly InMemoryPipelineStore _pipelines = new();
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryModelRegistry _registry = new();
    private readonly InMemoryArtifactStore _artifacts = new();

    private ComparisonSeed Seed => new(_pipelines, _runs, _registry, _artifacts);

    private ExecutionComparisonLoader Loader =>
        new(_runs, _pipelines, _registry, new ModelMetricsReader(_artifacts, NullLogger<ModelMetricsReader>.Instance));

    [Fact]
    public async Task Load_TwoChurnRuns_CollectsTuningObjectiveAndPropertyFileMetrics()
    {
        await Seed.SavePipelineAsync();
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75);
        await Seed.AddAsync("e2", "0.5", objective: 0.85, auc: 0.79, accuracy: 0.77, tuneCachedFrom: "e1");

        var load = await Loader.LoadAsync(["e1", "e2"]);

        Assert.Empty(load.UnknownIds);
        var comparison = load.Comparison;
        Assert.Equal(["val_auc", "auc", "accuracy"], comparison.Metrics.Select(m => m.Name));
        var auc = comparison.Metrics.Single(m => m.Name == "auc");
        Assert.Equal("Evaluate · Evaluation", auc.Source);
        Assert.Equal([0.82, 0.79], auc.Values);
        Assert.Equal([0], auc.Best);
        Assert.Equal("Tune", comparison.Metrics[0].Source);
        Assert.Equal(["Rate"], comparison.DifferingParameters.Select(p => p.Name));
        Assert.Equal([0, 1], comparison.CacheHits.Select(c => c.Hits));
    }

    [Fact]
    public async Task Load_RegisteredPackageSharingTheEvaluationReport_ReadsItOnceAndListsThePackage()
    {
        await Seed.SavePipelineAsync();
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75, register: true);
        await Seed.AddAsync("e2", "0.5", objective: 0.85, auc: 0.79, accuracy: 0.77);

        var load = await Loader.LoadAsync(["e1", "e2"]);

        var first = load.Comparison.Executions[0];
        Assert.Equal(["val_auc", "auc", "accuracy"], first.Metrics.Select(m => m.Name));
        Assert.Equal("churn-models", Assert.Single(first.Packages).GroupName);
        Assert.Empty(load.Comparison.Executions[1].Packages);
    }

    [Fact]
    public async Task Load_PackageReportWithoutPropertyFile_TakesThePackagesNumbers()
    {
        // No stored definition: property files cannot be located, but the package names its report itself.
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75, register: true);
        await Seed.AddAsync("e2", "0.5", objective: 0.85, auc: 0.79, accuracy: 0.77);

        var load = await Loader.LoadAsync(["e1", "e2"]);

        var auc = load.Comparison.Metrics.Single(m => m.Name == "auc");
        Assert.Equal("churn-models v1", auc.Source);
        Assert.Equal([0.82, null], auc.Values);
    }

    [Fact]
    public async Task Load_UnknownIds_AreNamedAndTheRestCompared()
    {
        await Seed.SavePipelineAsync();
        await Seed.AddAsync("e1", "0.1", objective: 0.80, auc: 0.82, accuracy: 0.75);
        await Seed.AddAsync("e2", "0.5", objective: 0.85, auc: 0.79, accuracy: 0.77);

        var load = await Loader.LoadAsync(["nope", "e1", "e2", "gone"]);

        Assert.Equal(["nope", "gone"], load.UnknownIds);
        Assert.Equal(["e1", "e2"], load.Comparison.Executions.Select(e => e.Id));
    }

    [Fact]
    public async Task Load_SameMetricNameFromTwoSources_NamesTheSource()
    {
        await Seed.SavePipelineAsync();
        var execution = new ExecutionRecord("e1", ComparisonSeed.Pipeline, 1, ExecutionStatus.Succeeded, new Dictionary<string, string>(), ComparisonSeed.Start);
        await _runs.CreateExecutionAsync(execution, [
            new StepRecord("e1", "Tune", "Tuning", StepStatus.Succeeded,
                PropertiesJson: """{"BestTrainingJob":{"FinalHyperParameterTuningJobObjectiveMetric":{"MetricName":"auc","Value":0.9}}}"""),
            new StepRecord("e1", "Evaluate", "Processing", StepStatus.Succeeded,
                PropertiesJson: """{"ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation","S3Output":{"S3Uri":"s3://bucket/e1/evaluation/"}}]}}"""),
        ]);
        await _artifacts.PutTextAsync(ComparisonSeed.ReportUri("e1"), """{"auc": 0.8}""");

        var load = await Loader.LoadAsync(["e1"]);

        Assert.Equal(["auc (Tune)", "auc (Evaluate · Evaluation)"], load.Comparison.Metrics.Select(m => m.Name));
    }
}
