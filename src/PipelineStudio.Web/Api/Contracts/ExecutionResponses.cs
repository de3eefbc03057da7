using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/pipelines/{name}/executions</c>; every member is optional.</summary>
/// <param name="Parameters">Parameter values as strings (SageMaker's wire form); missing ones take their defaults.</param>
/// <param name="MaxParallelSteps">ParallelismConfiguration.MaxParallelExecutionSteps for this execution.</param>
public sealed record StartExecutionBody(
    Dictionary<string, string>? Parameters = null,
    string? DisplayName = null,
    int? MaxParallelSteps = null);

/// <summary>What <c>POST .../executions</c> started.</summary>
public sealed record StartedExecutionResponse(string Id, string PipelineName, int PipelineVersion, string Status);

/// <summary>An execution as listed by <c>GET /api/v1/executions</c>.</summary>
public sealed record ExecutionSummaryResponse(
    string Id,
    string PipelineName,
    int PipelineVersion,
    string Status,
    string? DisplayName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    string? FailureReason)
{
    public static ExecutionSummaryResponse From(ExecutionRecord e) =>
        new(e.Id, e.PipelineName, e.PipelineVersion, e.Status.ToString(), e.DisplayName, e.CreatedAt, e.EndedAt, e.FailureReason);
}

/// <summary>One execution with its parameters and every step (<c>GET /api/v1/executions/{id}</c>).</summary>
public sealed record ExecutionDetailResponse(
    string Id,
    string PipelineName,
    int PipelineVersion,
    string Status,
    string? DisplayName,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    string? FailureReason,
    int? MaxParallelSteps,
    string? SourceExecutionId,
    IReadOnlyList<string>? SelectedSteps,
    IReadOnlyList<StepResponse> Steps)
{
    public static ExecutionDetailResponse From(ExecutionRecord e, IEnumerable<StepRecord> steps) =>
        new(e.Id, e.PipelineName, e.PipelineVersion, e.Status.ToString(), e.DisplayName, e.Parameters, e.CreatedAt,
            e.EndedAt, e.FailureReason, e.MaxParallelSteps, e.SourceExecutionId, e.SelectedSteps,
            steps.Select(StepResponse.From).ToList());
}

/// <summary>One step of an execution; <see cref="Properties"/> and <see cref="Metadata"/> are JSON objects when present.</summary>
/// <param name="Attempts">How many attempts the step made (retries add attempts; a cache hit makes none).</param>
/// <param name="CacheHitSourceExecutionId">The earlier execution whose outputs a cache hit reused.</param>
public sealed record StepResponse(
    string Name,
    string Type,
    string Status,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Attempts,
    string? CacheHitSourceExecutionId,
    string? SelectiveSourceExecutionId,
    string? FailureReason,
    JsonNode? Properties,
    JsonNode? Metadata)
{
    public static StepResponse From(StepRecord s) =>
        new(s.StepName, s.StepType, s.Status.ToString(), s.QueuedAt, s.StartedAt, s.EndedAt, s.AttemptCount,
            s.CacheHitSourceExecutionId, s.SelectiveSourceExecutionId, s.FailureReason,
            ParseJson(s.PropertiesJson), ParseJson(s.MetadataJson));

    // The engine stores these as JSON text it wrote itself; a damaged value is shown as a string rather than failing the request.
    private static JsonNode? ParseJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}

/// <summary>The body of <c>POST /api/v1/callbacks/{token}/success</c>.</summary>
public sealed record CallbackSuccessBody(Dictionary<string, string>? OutputParameters = null);

/// <summary>The body of <c>POST /api/v1/callbacks/{token}/failure</c>.</summary>
public sealed record CallbackFailureBody(string? FailureReason = null);
