using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>The RFC 7807 answers of the REST API, worded once so every endpoint says the same thing.</summary>
internal static class ApiProblems
{
    /// <summary>Problem details extension that carries validation issues.</summary>
    public const string IssuesExtension = "issues";

    public static ProblemHttpResult PipelineNotFound(string name) =>
        TypedResults.Problem(
            title: "Pipeline not found",
            detail: $"There is no pipeline named '{name}'.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult VersionNotFound(string name, int version) =>
        TypedResults.Problem(
            title: "Version not found",
            detail: $"Pipeline '{name}' has no version {version}.",
            statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult InvalidPipelineName(string name) =>
        TypedResults.Problem(
            title: "Invalid pipeline name",
            detail: $"'{name}' is not a valid pipeline name: use {PipelineNames.PipelineNameRule}.",
            statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult MissingQueryParameter(string parameter, string purpose) =>
        TypedResults.Problem(
            title: "Missing query parameter",
            detail: $"The query parameter '{parameter}' is required: {purpose}.",
            statusCode: StatusCodes.Status400BadRequest);

    public static ProblemHttpResult InvalidDefinition(IEnumerable<ValidationIssue> issues)
    {
        var all = IssueResponse.From(issues);
        var errors = all.Count(i => i.Severity == "error");
        return TypedResults.Problem(
            title: "Invalid pipeline definition",
            detail: $"The definition has {errors} error(s); nothing was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { [IssuesExtension] = all });
    }

    public static ProblemHttpResult BodyTooLarge(long limitBytes) =>
        TypedResults.Problem(
            title: "Request body too large",
            detail: $"The request body is larger than {limitBytes / (1024 * 1024)} MiB.",
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult VersionConflict(PipelineVersionConflictException conflict) =>
        TypedResults.Problem(
            title: "Version conflict",
            detail: conflict.Message,
            statusCode: StatusCodes.Status409Conflict);
}
