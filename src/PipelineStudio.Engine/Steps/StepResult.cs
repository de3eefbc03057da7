using System.Text.Json.Nodes;

namespace PipelineStudio.Engine.Steps;

/// <summary>The outcome of one step attempt.</summary>
/// <param name="Properties">The step's properties, shaped like the matching Describe* response.</param>
/// <param name="Metadata">Step metadata as ListPipelineExecutionSteps gives it (job ARN, condition outcome...).</param>
/// <param name="FailureKind">
/// The SageMaker error kind retry policies match (<see cref="FailureKinds"/>); null for a plain failure.
/// </param>
public sealed record StepResult(bool Succeeded, JsonObject? Properties, JsonObject? Metadata, string? FailureReason, string? FailureKind)
{
    public static StepResult Success(JsonObject? properties = null, JsonObject? metadata = null) =>
        new(true, properties, metadata, null, null);

    public static StepResult Failure(string reason, string? kind = null, JsonObject? metadata = null) =>
        new(false, null, metadata, reason, kind);

    /// <summary>The attempt ended because the execution was stopped (the step ends Stopped, not Failed).</summary>
    public static StepResult Stop(string reason) => new(false, null, null, reason, null) { Stopped = true };

    /// <summary>Whether the attempt was cut short by a stop request.</summary>
    public bool Stopped { get; init; }
}

/// <summary>The failure kinds SageMaker retry policies name (ExceptionType), plus the non-retryable algorithm error.</summary>
public static class FailureKinds
{
    public const string JobInternalError = "SageMaker.JOB_INTERNAL_ERROR";
    public const string CapacityError = "SageMaker.CAPACITY_ERROR";
    public const string ResourceLimit = "SageMaker.RESOURCE_LIMIT";
    public const string ServiceFault = "Step.SERVICE_FAULT";
    public const string Throttling = "Step.THROTTLING";

    /// <summary>The user's code failed (non-zero exit); never retried.</summary>
    public const string AlgorithmError = "AlgorithmError";
}
