using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// One descriptor per type in <see cref="StepTypes.All"/>. Cacheable and Retryable follow
/// reference §3, counting "the SDK also allows it" (P) and "the schema allows it" (S) as yes,
/// because a definition the SDK writes must not be flagged.
/// </summary>
public static class StepTypeCatalog
{
    private static readonly Dictionary<string, StepTypeDescriptor> ByType;

    static StepTypeCatalog()
    {
        All =
        [
            new(StepTypes.Processing, "Processing", StepStage.Data, "Runs a processing container over inputs and uploads its outputs.", true, true, true),
            new(StepTypes.Training, "Training", StepStage.Training, "Trains a model in a training container and stores the model artifacts.", true, true, true),
            new(StepTypes.Tuning, "Hyperparameter tuning", StepStage.Training, "Runs many training jobs to find the best hyperparameters.", true, true, false),
            new(StepTypes.Transform, "Batch transform", StepStage.Evaluation, "Runs batch inference with a model over a dataset.", true, true, true),
            new(StepTypes.Model, "Create model", StepStage.Deployment, "Creates a SageMaker model from an image and model artifacts.", false, true, true),
            new(StepTypes.RegisterModel, "Register model", StepStage.Deployment, "Registers a model package version in a model package group.", false, true, false),
            new(StepTypes.Condition, "Condition", StepStage.ControlFlow, "Evaluates conditions and runs either the If or the Else branch.", false, false, true),
            new(StepTypes.Fail, "Fail", StepStage.ControlFlow, "Stops the execution as failed with an error message.", false, false, true),
            new(StepTypes.Lambda, "Lambda", StepStage.Integration, "Invokes an AWS Lambda function and reads its output parameters.", true, false, false),
            new(StepTypes.Callback, "Callback", StepStage.Integration, "Sends a message to an SQS queue and waits for an external system to answer.", true, false, false),
            new(StepTypes.QualityCheck, "Quality check", StepStage.Evaluation, "Computes data or model quality baselines and checks for drift.", true, true, false),
            new(StepTypes.ClarifyCheck, "Clarify check", StepStage.Evaluation, "Computes bias or explainability baselines with SageMaker Clarify.", true, true, false),
            new(StepTypes.Emr, "EMR", StepStage.Data, "Runs a step on an Amazon EMR cluster.", true, true, false),
            new(StepTypes.EmrServerless, "EMR Serverless", StepStage.Data, "Runs a job on an EMR Serverless application.", true, true, false),
            new(StepTypes.AutoMl, "AutoML", StepStage.Training, "Runs an Autopilot job that trains and ranks candidate models.", true, true, false),
            new(StepTypes.EndpointConfig, "Endpoint config", StepStage.Deployment, "Creates an endpoint configuration for hosting a model.", true, true, false),
            new(StepTypes.Endpoint, "Endpoint", StepStage.Deployment, "Creates or updates a real-time inference endpoint.", true, false, false),
            new(StepTypes.InferenceComponent, "Inference component", StepStage.Deployment, "Creates or updates an inference component on an endpoint.", false, false, false),
            new(StepTypes.BedrockCustomModel, "Bedrock custom model", StepStage.Training, "Fine-tunes or continues pre-training a Bedrock foundation model.", false, false, false),
            new(StepTypes.BedrockCustomModelDeployment, "Bedrock model deployment", StepStage.Deployment, "Deploys a Bedrock custom model for on-demand inference.", false, false, false),
            new(StepTypes.BedrockModelImport, "Bedrock model import", StepStage.Deployment, "Imports model weights into Amazon Bedrock.", false, false, false),
            new(StepTypes.BedrockProvisionedModelThroughput, "Bedrock provisioned throughput", StepStage.Deployment, "Buys provisioned throughput for a Bedrock model.", false, false, false),
            new(StepTypes.Lineage, "Lineage", StepStage.Integration, "Creates lineage actions, artifacts, contexts and associations.", false, false, false),
        ];
        ByType = All.ToDictionary(d => d.Type, StringComparer.Ordinal);
    }

    /// <summary>Every known step type, in the order of <see cref="StepTypes.All"/>.</summary>
    public static IReadOnlyList<StepTypeDescriptor> All { get; }

    /// <summary>The descriptor of a type; null for unknown types (kept verbatim, never rejected here).</summary>
    public static StepTypeDescriptor? Find(string? type) => type is not null ? ByType.GetValueOrDefault(type) : null;
}
