using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>A pipeline as listed by <c>GET /api/v1/pipelines</c>.</summary>
public sealed record PipelineSummaryResponse(
    string Name,
    string? DisplayName,
    string? Description,
    int LatestVersion,
    int StepCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PipelineSummaryResponse From(PipelineSummary summary) =>
        new(summary.Name, summary.DisplayName, summary.Description, summary.LatestVersion, summary.StepCount,
            summary.CreatedAt, summary.UpdatedAt);
}

/// <summary>One immutable version of a pipeline, without its definition.</summary>
public sealed record PipelineVersionResponse(
    int Version,
    string Author,
    string Message,
    DateTimeOffset CreatedAt,
    int StepCount,
    string ContentHash)
{
    public static PipelineVersionResponse From(PipelineVersionInfo info) =>
        new(info.Version, info.Author, info.Message, info.CreatedAt, info.StepCount, info.ContentHash);
}

/// <summary>A pipeline with one of its versions and that version's definition as a JSON object.</summary>
public sealed record PipelineDetailResponse(
    string Name,
    string? DisplayName,
    string? Description,
    int LatestVersion,
    int StepCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PipelineVersionResponse Version,
    JsonObject? Definition);

/// <summary>What <c>POST /api/v1/pipelines</c> stored: the new version and any warnings about it.</summary>
public sealed record SavedPipelineResponse(string Name, int Version, IReadOnlyList<IssueResponse> Issues);

/// <summary>The answer of <c>POST /api/v1/validate</c>.</summary>
public sealed record ValidationResponse(bool Valid, int ErrorCount, int WarningCount, IReadOnlyList<IssueResponse> Issues);
