using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.TestSupport.Fakes;
using PipelineStudio.Web.Model.Registry;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>The registry screens' services in memory, and packages shaped like the churn demo's RegisterModel output.</summary>
public abstract class RegistryComponentTestBase : StudioComponentTestBase
{
    protected const string Group = "churn-models";

    private protected readonly InMemoryModelRegistry Registry = new();
    private protected readonly InMemoryLineageStore Lineage = new();
    private protected readonly InMemoryRunStore Runs = new();
    private protected readonly InMemoryArtifactStore Artifacts = new();

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IModelRegistry>(Registry);
        services.AddSingleton<ILineageStore>(Lineage);
        services.AddSingleton<IRunStore>(Runs);
        services.AddSingleton<IArtifactStore>(Artifacts);
        services.AddSingleton<ModelMetricsReader>();
    }

    /// <summary>A package whose ModelQuality report (evaluate.py's shape) holds the given AUC and accuracy; an execution with the parameters.</summary>
    protected async Task<ModelPackageRecord> RegisterAsync(
        string executionId, double? auc, double accuracy = 0.8, string group = Group, Dictionary<string, string>? parameters = null)
    {
        var reportUri = $"s3://bucket/{executionId}/evaluation.json";
        if (auc is { } a)
        {
            await Artifacts.PutTextAsync(reportUri, $$$"""
                {"binary_classification_metrics": {"auc": {"value": {{{a.ToString(CultureInfo.InvariantCulture)}}}, "standard_deviation": "NaN"},
                 "accuracy": {"value": {{{accuracy.ToString(CultureInfo.InvariantCulture)}}}, "standard_deviation": "NaN"} } }
                """);
        }

        await Runs.CreateExecutionAsync(
            new ExecutionRecord(executionId, "churn", 1, ExecutionStatus.Succeeded, parameters ?? [], Now.AddHours(-1)), []);
        var metrics = $$$"""{"ModelQuality": {"Statistics": {"ContentType": "application/json", "S3Uri": "{{{reportUri}}}"}}, "Bias": {}}""";
        var spec = """{"Containers": [{"Image": "sklearn:1.2", "ModelDataUrl": "s3://bucket/model.tar.gz"}]}""";
        return await Registry.CreatePackageAsync(new NewModelPackage(
            group, ModelApprovalStatus.PendingManualApproval, executionId, "Register", spec, metrics));
    }
}
