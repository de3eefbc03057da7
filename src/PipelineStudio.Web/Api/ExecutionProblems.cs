using Microsoft.AspNetCore.Http.HttpResults;

namespace PipelineStudio.Web.Api;

/// <summary>The RFC 7807 answers of the execution and callback endpoints.</summary>
internal static class ExecutionProblems
{
    /// <summary>Problem details extension that lists why an execution was refused, one sentence each.</summary>
    public const string ProblemsExtension = "problems";

    public static ProblemHttpResult Refused(string title, IReadOnlyList<string> problems) =>
        TypedResults.Problem(
            title: title,
            detail: string.Join(" ", problems),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { [ProblemsExtension] = problems });

    public static ProblemHttpResult ExecutionNotFound(string id) => NotFound("Execution not found", $"There is no execution '{id}'.");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(title: "Invalid query parameter", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
