using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>RegisterModel: appends a model package to its group in the studio's registry with the resolved approval status.</summary>
public sealed class RegisterModelExecutor : IStepExecutor
{
    public bool CanExecute(string stepType) => stepType == StepTypes.RegisterModel;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var registry = context.Services.GetService<IModelRegistry>();
        if (registry is null)
        {
            return StepResult.Failure($"Step '{context.StepName}': no model registry is configured.", FailureKinds.ServiceFault);
        }

        var arguments = context.Arguments;
        if (Text(arguments["ModelPackageGroupName"]) is not { Length: > 0 } group)
        {
            return StepResult.Failure($"Step '{context.StepName}': Arguments.ModelPackageGroupName is missing.");
        }

        var statusText = Text(arguments["ModelApprovalStatus"]) ?? nameof(ModelApprovalStatus.PendingManualApproval);
        if (!Enum.TryParse<ModelApprovalStatus>(statusText, ignoreCase: false, out var status) || !Enum.IsDefined(status))
        {
            return StepResult.Failure($"Step '{context.StepName}': ModelApprovalStatus '{statusText}' is not one of Approved, Rejected, PendingManualApproval.");
        }

        var package = await registry.CreatePackageAsync(
            new NewModelPackage(
                group, status, context.Execution.Id, context.StepName,
                arguments["InferenceSpecification"]?.ToJsonString(), arguments["ModelMetrics"]?.ToJsonString(),
                Text(arguments["ModelPackageDescription"])),
            cancellationToken).ConfigureAwait(false);
        context.Log.Write($"Registered {package.Arn} ({package.ApprovalStatus}).");

        var properties = new JsonObject
        {
            ["ModelPackageArn"] = package.Arn,
            ["ModelPackageGroupName"] = package.GroupName,
            ["ModelPackageVersion"] = package.Version,
            ["ModelApprovalStatus"] = package.ApprovalStatus.ToString(),
            ["CreationTime"] = ExecutionVariables.FormatDateTime(package.CreatedAt),
        };
        if (arguments["InferenceSpecification"] is { } inference)
        {
            properties["InferenceSpecification"] = inference.DeepClone();
        }

        return StepResult.Success(properties, new JsonObject { ["RegisterModel"] = new JsonObject { ["Arn"] = package.Arn } });
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
