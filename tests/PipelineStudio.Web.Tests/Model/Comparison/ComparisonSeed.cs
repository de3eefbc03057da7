using System.Globalization;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Tests.Model.Comparison;

/// <summary>
/// Stores executions shaped like the churn demo's for the comparison loader: a Tuning step with its best objective,
/// an Evaluate step whose property file (evaluation.json) holds auc and accuracy, and optionally a model package
/// whose ModelMetrics names that same report.
/// </summary>
internal sealed class ComparisonSeed(IPipelineStore pipelines, IRunStore runs, IModelRegistry registry, IArtifactStore artifacts)
{
    public const string Pipeline = "churn";

    public const string Definition = """
        {"Version":"2020-12-01","Parameters":[{"Name":"Rate","Type":"Float","DefaultValue":0.1},{"Name":"Seed","Type":"Integer","DefaultValue":7}],
         "Steps":[
          {"Name":"Tune","Type":"Tuning","Arguments":{}},
          {"Name":"Evaluate","Type":"Processing","Arguments":{},
           "PropertyFiles":[{"PropertyFileName":"Evaluation","OutputName":"evaluation","FilePath":"evaluation.json"}]}]}
        """;

    public static readonly DateTimeOffset Start = new(2026, 11, 29, 11, 0, 0, TimeSpan.Zero);

    public Task SavePipelineAsync() =>
        pipelines.SaveAsync(new SavePipelineVersion(Pipeline, Definition, "alice", "Imported", 2));

    public static string ReportUri(string executionId) => $"s3://bucket/{executionId}/evaluation/evaluation.json";

    /// <summary>One succeeded execution with the given rate, objective and evaluation numbers; cached Tune when <paramref name="tuneCachedFrom"/> is set.</summary>
    public async Task<ExecutionRecord> AddAsync(
        string id, string rate, double objective, double auc, double accuracy, bool register = false, string? tuneCachedFrom = null, int minutesAgo = 60)
    {
        var created = Start.AddMinutes(-minutesAgo);
        var execution = new ExecutionRecord(
            id, Pipeline, 1, ExecutionStatus.Succeeded, new Dictionary<string, string> { ["Rate"] = rate, ["Seed"] = "7" }, created, created.AddSeconds(50));
        var tuning = """{"BestTrainingJob":{"FinalHyperParameterTuningJobObjectiveMetric":{"Type":"Maximize","MetricName":"val_auc","Value":VALUE}}}"""
            .Replace("VALUE", N(objective), StringComparison.Ordinal);
        var evaluation = """{"ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation","S3Output":{"S3Uri":"s3://bucket/ID/evaluation"}}]}}"""
            .Replace("ID", id, StringComparison.Ordinal);
        await runs.CreateExecutionAsync(execution, [
            new StepRecord(id, "Tune", "Tuning", StepStatus.Succeeded, StartedAt: created, EndedAt: created.AddSeconds(tuneCachedFrom is null ? 40 : 0),
                AttemptCount: 1, CacheHitSourceExecutionId: tuneCachedFrom, PropertiesJson: tuning),
            new StepRecord(id, "Evaluate", "Processing", StepStatus.Succeeded, StartedAt: created.AddSeconds(40), EndedAt: created.AddSeconds(48),
                AttemptCount: 1, PropertiesJson: evaluation),
        ]);
        await artifacts.PutTextAsync(ReportUri(id), """
            {"binary_classification_metrics":{"auc":{"value":AUC,"standard_deviation":"NaN"},"accuracy":{"value":ACCURACY}}}
            """.Replace("ACCURACY", N(accuracy), StringComparison.Ordinal).Replace("AUC", N(auc), StringComparison.Ordinal));
        if (register)
        {
            var metrics = """{"ModelQuality":{"Statistics":{"ContentType":"application/json","S3Uri":"URI"}}}""".Replace("URI", ReportUri(id), StringComparison.Ordinal);
            await registry.CreatePackageAsync(new NewModelPackage("churn-models", ModelApprovalStatus.PendingManualApproval, id, "Register", "{}", metrics));
        }

        return execution;
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
