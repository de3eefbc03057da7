using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class TuningExecutorTests : IDisposable
{
    private readonly JobHarness _harness = new();
    private readonly TuningExecutor _executor;

    public TuningExecutorTests()
    {
        _executor = new TuningExecutor(_harness.Runtime, _harness.Images);
    }

    public void Dispose() => _harness.Dispose();

    [PythonFact]
    public async Task Execute_GridOfThreeMaximize_PicksTheBestAndSortsSummariesBestFirst()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);

        var result = await RunAsync("Grid", "Maximize", ["0.5", "0.1", "0.3"], maxParallel: 2);

        Assert.True(result.Succeeded, result.FailureReason);
        var best = result.Properties!["BestTrainingJob"]!;
        Assert.Equal("0.1", best["TunedHyperParameters"]!["learning_rate"]!.GetValue<string>());
        Assert.Equal(1.0, best["FinalHyperParameterTuningJobObjectiveMetric"]!["Value"]!.GetValue<double>());
        Assert.Equal("val_auc", best["FinalHyperParameterTuningJobObjectiveMetric"]!["MetricName"]!.GetValue<string>());
        var summaries = result.Properties["TrainingJobSummaries"]!.AsArray();
        Assert.Equal(["0.1", "0.3", "0.5"], summaries.Select(s => s!["TunedHyperParameters"]!["learning_rate"]!.GetValue<string>()));
        var bestName = PropertyResolver.Resolve(result.Properties, "TrainingJobSummaries[0].TrainingJobName")!.GetValue<string>();
        Assert.Equal(best["TrainingJobName"]!.GetValue<string>(), bestName);
        var (_, model) = await TrainingScripts.ReadArchiveAsync(_harness.Artifacts, $"s3://bucket/models/{bestName}/output/model.tar.gz", "model.json");
        Assert.Equal("{\"lr\": 0.1}", model);
        Assert.Equal(3, result.Properties["TrainingJobStatusCounters"]!["Completed"]!.GetValue<int>());
        Assert.Equal(bestName, PropertyResolver.Resolve(result.Properties, "OverallBestTrainingJob.TrainingJobName")!.GetValue<string>());
        Assert.Equal(result.Properties["HyperParameterTuningJobName"]!.GetValue<string>(), summaries[2]!["TuningJobName"]!.GetValue<string>());
    }

    [PythonFact]
    public async Task Execute_Minimize_PicksTheLowestObjective()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);

        var result = await RunAsync("Grid", "Minimize", ["0.5", "0.1", "0.3"], maxParallel: 3);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("0.5", result.Properties!["BestTrainingJob"]!["TunedHyperParameters"]!["learning_rate"]!.GetValue<string>());
    }

    [PythonFact]
    public async Task Execute_Bayesian_RunsAsRandomAndSaysSo()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);
        var arguments = Arguments("Bayesian", "Maximize", ["0.1", "0.3"], maxParallel: 2);
        arguments["HyperParameterTuningJobConfig"]!["ResourceLimits"]!["MaxNumberOfTrainingJobs"] = 2;

        var result = await _harness.RunAsync(_executor, StepTypes.Tuning, arguments);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains(_harness.LogLines, line => line.Contains("Strategy Bayesian runs as Random search locally", StringComparison.Ordinal));
        Assert.Equal(2, result.Properties!["TrainingJobSummaries"]!.AsArray().Count);
    }

    [PythonFact]
    public async Task Execute_EveryTrainingJobFails_FailsWithTheFirstReason()
    {
        await TrainingScripts.UploadAsync(_harness.Artifacts);

        var result = await RunAsync("Grid", "Maximize", ["-1", "-2"], maxParallel: 2);

        Assert.False(result.Succeeded);
        Assert.Equal(FailureKinds.AlgorithmError, result.FailureKind);
        Assert.Contains("All 2 training jobs failed", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("learning_rate must not be negative", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ObjectiveNotInMetricDefinitions_IsRefused()
    {
        var arguments = Arguments("Grid", "Maximize", ["0.1"], maxParallel: 1);
        arguments["HyperParameterTuningJobConfig"]!["HyperParameterTuningJobObjective"]!["MetricName"] = "accuracy";

        var result = await _harness.RunAsync(_executor, StepTypes.Tuning, arguments);

        Assert.False(result.Succeeded);
        Assert.Contains("'accuracy'", result.FailureReason, StringComparison.Ordinal);
    }

    private Task<StepResult> RunAsync(string strategy, string objective, string[] rates, int maxParallel) =>
        _harness.RunAsync(_executor, StepTypes.Tuning, Arguments(strategy, objective, rates, maxParallel));

    private static JsonObject Arguments(string strategy, string objective, string[] rates, int maxParallel)
    {
        var definition = TrainingScripts.TrainingArguments(TrainingScripts.HyperParameters("0"));
        var statics = definition["HyperParameters"]!.AsObject();
        definition.Remove("HyperParameters");
        statics.Remove("learning_rate");
        definition["StaticHyperParameters"] = statics;
        return new JsonObject
        {
            ["HyperParameterTuningJobConfig"] = new JsonObject
            {
                ["Strategy"] = strategy,
                ["ResourceLimits"] = new JsonObject { ["MaxNumberOfTrainingJobs"] = rates.Length, ["MaxParallelTrainingJobs"] = maxParallel },
                ["HyperParameterTuningJobObjective"] = new JsonObject { ["Type"] = objective, ["MetricName"] = "val_auc" },
                ["ParameterRanges"] = new JsonObject
                {
                    ["CategoricalParameterRanges"] = new JsonArray(new JsonObject
                    {
                        ["Name"] = "learning_rate",
                        ["Values"] = new JsonArray([.. rates.Select(r => JsonValue.Create(r))]),
                    }),
                },
            },
            ["TrainingJobDefinition"] = definition,
        };
    }
}
