using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

/// <summary>A context with parameters, step properties shaped like Describe* responses, property files and S3 texts.</summary>
internal static class ExpressionFixture
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    public const string ProcessingProperties = """
        {"ProcessingJobName":"pipelines-exec1-Preprocess",
         "ProcessingInputs":[{"InputName":"code","S3Input":{"S3Uri":"s3://b/code/pre.py"}}],
         "ProcessingOutputConfig":{"Outputs":[
           {"OutputName":"train","S3Output":{"S3Uri":"s3://b/train","LocalPath":"/opt/ml/processing/train"}},
           {"OutputName":"validation","S3Output":{"S3Uri":"s3://b/validation","LocalPath":"/opt/ml/processing/validation"}}]},
         "ExitMessage":null}
        """;

    public const string TrainingProperties = """
        {"TrainingJobName":"pipelines-exec1-Train",
         "HyperParameters":{"lr":"0.1","epochs":"10"},
         "InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3Uri":"s3://b/train"}}}],
         "OutputDataConfig":{"S3OutputPath":"s3://b/out"},
         "ModelArtifacts":{"S3ModelArtifacts":"s3://b/out/job/output/model.tar.gz"},
         "FinalMetricDataList":[{"MetricName":"train:auc","Value":0.91},{"MetricName":"val:auc","Value":0.87}]}
        """;

    public const string TuningProperties = """
        {"BestTrainingJob":{"TrainingJobName":"tune-002"},
         "TrainingJobSummaries":[{"TrainingJobName":"tune-002"},{"TrainingJobName":"tune-001"}]}
        """;

    public const string LambdaProperties = """{"OutputParameters":[{"Name":"threshold","Value":"0.8"}]}""";

    public const string EvaluationReport = """{"metrics":{"auc":{"value":0.87},"counts":[{"label":"a","n":3}]},"model name":"xgb"}""";

    public static EvaluationContext Context(TimeProvider? time = null) => new()
    {
        Parameters = new Dictionary<string, JsonNode?>
        {
            ["Epochs"] = JsonValue.Create(10L),
            ["LearningRate"] = JsonValue.Create(0.1),
            ["Whole"] = JsonValue.Create(2.0),
            ["Enabled"] = JsonValue.Create(true),
            ["Region"] = JsonValue.Create("eu-west-1"),
            ["Threshold"] = JsonValue.Create(0.8),
        },
        ExecutionVariables = ExecutionVariables.Create("exec1", "churn", Start),
        Time = time ?? new FixedTime(Start.AddMinutes(5)),
        StepProperties = step => step switch
        {
            "Preprocess" => JsonNode.Parse(ProcessingProperties),
            "Train" => JsonNode.Parse(TrainingProperties),
            "Tune" => JsonNode.Parse(TuningProperties),
            "Lambda" => JsonNode.Parse(LambdaProperties),
            _ => null,
        },
        ReadPropertyFile = (step, file) => ValueTask.FromResult(
            step == "Evaluate" && file == "Report" ? JsonNode.Parse(EvaluationReport) : null),
        ReadText = uri => ValueTask.FromResult(uri switch
        {
            "s3://b/out/results.json" => """{"Result":[{"score":0.5}]}""",
            "s3://b/broken.json" => "{not json",
            _ => null,
        }),
        PipelineExperimentConfig = JsonNode.Parse("""
            {"ExperimentName":{"Get":"Execution.PipelineName"},"TrialName":{"Get":"Execution.PipelineExecutionId"}}
            """),
    };

    public static async Task<JsonNode?> EvaluateAsync(string json, EvaluationContext? context = null) =>
        await ExpressionEvaluator.EvaluateAsync(JsonNode.Parse(json), "$.Steps[0].Arguments", context ?? Context());

    /// <summary>Compact JSON of a result ("null" for null), for exact comparisons that keep the JSON type visible.</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    public static async Task<ExpressionException> FailsAsync(string json, EvaluationContext? context = null) =>
        await Assert.ThrowsAsync<ExpressionException>(() => EvaluateAsync(json, context));

    public static Task<bool> ConditionAsync(string json, EvaluationContext? context = null) =>
        ExpressionEvaluator.EvaluateConditionAsync(JsonNode.Parse(json), "$.Steps[0].Arguments.Conditions[0]", context ?? Context()).AsTask();

    public static async Task<ExpressionException> ConditionFailsAsync(string json) =>
        await Assert.ThrowsAsync<ExpressionException>(() => ConditionAsync(json));

    public sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
