namespace PipelineStudio.Core.Runs;

/// <summary>One execution of a pipeline version, as stored.</summary>
/// <param name="Id">The execution id (short, URL-safe); the ARN-like form is derived from it.</param>
/// <param name="Parameters">Every parameter's value as a string, defaults filled in (SageMaker's wire form).</param>
/// <param name="MaxParallelSteps">ParallelismConfiguration.MaxParallelExecutionSteps, or null for no per-execution cap.</param>
/// <param name="SourceExecutionId">The execution a retry or selective run reuses outputs from.</param>
/// <param name="SelectedSteps">The steps a selective run executes; null for a full run.</param>
/// <param name="OwnerId">The engine instance running it (see <see cref="Abstractions.IExecutionLeases"/>); stored at creation, then changed only by lease calls.</param>
/// <param name="LeaseExpiresAt">Until when the owner is known to be alive; after that another engine may take the execution over.</param>
public sealed record ExecutionRecord(
    string Id,
    string PipelineName,
    int PipelineVersion,
    ExecutionStatus Status,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt = null,
    string? FailureReason = null,
    string? DisplayName = null,
    int? MaxParallelSteps = null,
    string? SourceExecutionId = null,
    IReadOnlyList<string>? SelectedSteps = null,
    string? OwnerId = null,
    DateTimeOffset? LeaseExpiresAt = null);

/// <summary>One step of one execution, as stored.</summary>
/// <param name="QueuedAt">When the step became ready to run (its inputs were there); the wait before StartedAt is queueing.</param>
/// <param name="CacheHitSourceExecutionId">Set when the step's outputs were reused from an earlier execution.</param>
/// <param name="SelectiveSourceExecutionId">Set when a selective run took this unselected step's outputs from a reference execution.</param>
/// <param name="PropertiesJson">The step's properties (shaped like the matching Describe* response), once it succeeded.</param>
/// <param name="MetadataJson">Step metadata as ListPipelineExecutionSteps gives it (job ARN, condition outcome, callback token...).</param>
/// <param name="CacheKey">Hash of what determines the step's outputs, for caching.</param>
public sealed record StepRecord(
    string ExecutionId,
    string StepName,
    string StepType,
    StepStatus Status,
    DateTimeOffset? QueuedAt = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    int AttemptCount = 0,
    string? FailureReason = null,
    string? CacheHitSourceExecutionId = null,
    string? SelectiveSourceExecutionId = null,
    string? PropertiesJson = null,
    string? MetadataJson = null,
    string? CacheKey = null);

/// <summary>One attempt of a step (retries make several). Logs are kept per attempt.</summary>
public sealed record AttemptRecord(
    string ExecutionId,
    string StepName,
    int Attempt,
    StepStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null,
    string? FailureReason = null,
    string? FailureKind = null);
