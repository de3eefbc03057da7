using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Jobs;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

/// <summary>
/// The churn sample's scripts run through the job executors with the sample's own job definitions, with
/// expressions replaced by the values the engine would give them. Processing scripts get their /opt/ml paths as
/// ContainerArguments: the local runtime maps paths in arguments, never inside a script's code.
/// </summary>
public sealed class ChurnSampleContractTests : IDisposable
{
    private const string Code = "s3://pipelinestudio-samples/churn-prediction/code/";
    private readonly JobHarness _harness = new();
    private readonly PipelineDefinition _sample;

    public ChurnSampleContractTests()
    {
        var text = File.ReadAllText(Path.Combine(SampleDefinitions.SamplesDirectory, "churn-prediction.json"));
        _sample = PipelineDefinition.FromJson(DefinitionJson.Parse(text).Json!);
    }

    public void Dispose() => _harness.Dispose();

    [PythonFact]
    public async Task ChurnScripts_GenerateToTransform_RunGreenUnderTheLocalContract()
    {
        foreach (var script in Directory.GetFiles(Path.Combine(SampleDefinitions.SamplesDirectory, "churn-prediction"), "*.py"))
        {
            await _harness.Artifacts.PutFileAsync(Code + Path.GetFileName(script), script);
        }

        var processing = new ProcessingExecutor(_harness.Runtime, _harness.Images);
        var generate = await RunStepAsync(processing, "GenerateCustomers", new()
        {
            ["Parameters.ProcessingInstanceType"] = "ml.m5.large",
            ["Parameters.Seed"] = "42",
            ["Parameters.CustomerCount"] = "2000",
        }, ["--seed", "42", "--rows", "2000", "--output-dir", "/opt/ml/processing/output/raw"]);
        var raw = Resolve(generate, "ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri");

        var preprocess = await RunStepAsync(processing, "PreprocessCustomers", new()
        {
            ["Parameters.ProcessingInstanceType"] = "ml.m5.large",
            ["Parameters.Seed"] = "42",
            ["Steps.GenerateCustomers.ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri"] = raw,
        }, ["--seed", "42", "--input-dir", "/opt/ml/processing/input/raw", "--output-dir", "/opt/ml/processing/output"]);

        var tune = await RunStepAsync(new TuningExecutor(_harness.Runtime, _harness.Images), "TuneChurnModel", new()
        {
            ["Parameters.TrainingInstanceType"] = "ml.m5.large",
            ["Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"] = Resolve(preprocess, "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"),
            ["Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['validation'].S3Output.S3Uri"] = Resolve(preprocess, "ProcessingOutputConfig.Outputs['validation'].S3Output.S3Uri"),
        });
        var best = Resolve(tune, "TrainingJobSummaries[0].TrainingJobName");
        Assert.Equal(3, tune.Properties!["TrainingJobSummaries"]!.AsArray().Count);

        var modelUri = $"s3://pipelinestudio-samples/churn-prediction/contract0001/models/{best}/output/model.tar.gz";
        var evaluation = await RunStepAsync(processing, "EvaluateChurnModel", new()
        {
            ["Parameters.ProcessingInstanceType"] = "ml.m5.large",
            ["Steps.TuneChurnModel.TrainingJobSummaries[0].TrainingJobName"] = best,
            ["Steps.TuneChurnModel.BestTrainingJob.TrainingJobName"] = best,
            ["Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri"] = Resolve(preprocess, "ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri"),
        }, ["--model-dir", "/opt/ml/processing/model", "--test-dir", "/opt/ml/processing/test", "--output-dir", "/opt/ml/processing/evaluation"]);
        var report = JsonNode.Parse((await _harness.Artifacts.ReadTextAsync(Resolve(evaluation, "ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri") + "/evaluation.json"))!);
        Assert.InRange(report!["binary_classification_metrics"]!["auc"]!["value"]!.GetValue<double>(), 0.75, 1.0);

        var modelArguments = Substitute(_sample.FindStep("CreateChurnModel-CreateModel")!.Arguments!, new()
        {
            ["Steps.TuneChurnModel.TrainingJobSummaries[0].TrainingJobName"] = best,
        });
        _harness.SetStepProperties("MakeModel", new JsonObject { ["ModelName"] = "churn-model", ["PrimaryContainer"] = modelArguments["PrimaryContainer"]!.DeepClone() });
        Assert.Equal(modelUri, modelArguments["PrimaryContainer"]!["ModelDataUrl"]!.GetValue<string>());
        var transform = await RunStepAsync(new TransformExecutor(_harness.Runtime, _harness.Images), "ScoreTestCustomers", new()
        {
            ["Steps.CreateChurnModel-CreateModel.ModelName"] = "churn-model",
            ["Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['batch'].S3Output.S3Uri"] = Resolve(preprocess, "ProcessingOutputConfig.Outputs['batch'].S3Output.S3Uri"),
        });
        var scores = await _harness.Artifacts.ListAsync(Resolve(transform, "TransformOutput.S3OutputPath") + "/");
        Assert.Equal("batch.csv.out", Path.GetFileName(Assert.Single(scores).Uri));
    }

    private async Task<StepResult> RunStepAsync(IStepExecutor executor, string stepName, Dictionary<string, string> values, string[]? containerArguments = null)
    {
        var step = _sample.FindStep(stepName)!;
        var arguments = Substitute(step.Arguments!, values);
        if (containerArguments is not null)
        {
            arguments["AppSpecification"]!["ContainerArguments"] = new JsonArray([.. containerArguments.Select(a => JsonValue.Create(a))]);
        }

        var result = await _harness.RunAsync(executor, step.Type!, arguments, stepName: stepName);
        Assert.True(result.Succeeded, $"{stepName}: {result.FailureReason}");
        return result;
    }

    private static string Resolve(StepResult result, string path) => PropertyResolver.Resolve(result.Properties, path)!.GetValue<string>();

    // Stands in for the evaluator: {"Get": path} -> the given value, Std:Join -> its joined values.
    // The sample writes under its execution's prefix, so every step also gets an execution id.
    private static JsonObject Substitute(JsonNode arguments, Dictionary<string, string> values) =>
        Replace(arguments.DeepClone(), new Dictionary<string, string>(values) { ["Execution.PipelineExecutionId"] = "contract0001" })!.AsObject();

    private static JsonNode? Replace(JsonNode? node, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && obj["Get"] is JsonValue get:
                var path = get.GetValue<string>();
                return values.TryGetValue(path, out var value) ? JsonValue.Create(value) : throw new KeyNotFoundException(path);
            case JsonObject obj when obj.Count == 1 && obj["Std:Join"] is JsonObject join:
                var parts = join["Values"]!.AsArray().Select(v => Replace(v?.DeepClone(), values) is JsonValue part ? part.ToString() : "");
                return JsonValue.Create(string.Join(join["On"]!.GetValue<string>(), parts));
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Replace(obj[key]?.DeepClone(), values);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Replace(array[i]?.DeepClone(), values);
                }

                return array;
            default:
                return node;
        }
    }
}
