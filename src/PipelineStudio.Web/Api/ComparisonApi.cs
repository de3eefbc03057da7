using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Web.Api.Contracts;
using PipelineStudio.Web.Model.Comparison;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Api;

/// <summary>REST for comparing executions side by side, the data behind the /compare page.</summary>
public static class ComparisonApi
{
    /// <summary>Problem details extension listing the ids that name no execution.</summary>
    public const string UnknownIdsExtension = "unknownIds";

    public static IEndpointRouteBuilder MapComparisonApi(this IEndpointRouteBuilder routes)
    {
        // A literal segment, so it wins over GET /api/v1/executions/{id}.
        routes.MapGet("/api/v1/executions/compare", CompareAsync)
            .WithTags("Executions")
            .WithName("CompareExecutions")
            .WithSummary("Two to ten executions side by side (?ids=a,b,c): parameters, metrics with the best marked, step durations and cache hits.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Ok<ComparisonResponse>, ProblemHttpResult>> CompareAsync(
        string? ids, ExecutionComparisonLoader loader, CancellationToken cancellationToken)
    {
        var requested = ComparisonSelection.Parse(ids);
        var count = requested.Ids.Count + requested.LeftOut.Count;
        if (count == 0)
        {
            return ApiProblems.MissingQueryParameter("ids", $"{ComparisonSelection.MinExecutions} to {ComparisonSelection.MaxExecutions} execution ids, comma-separated");
        }

        if (count is < ComparisonSelection.MinExecutions or > ComparisonSelection.MaxExecutions)
        {
            return ExecutionProblems.BadQuery(
                $"'ids' names {count} execution{(count == 1 ? "" : "s")}; a comparison takes {ComparisonSelection.MinExecutions} to {ComparisonSelection.MaxExecutions}.");
        }

        var load = await loader.LoadAsync(requested.Ids, cancellationToken);
        if (load.UnknownIds.Count > 0)
        {
            return TypedResults.Problem(
                title: "Execution not found",
                detail: $"There is no execution {string.Join(", ", load.UnknownIds.Select(id => $"'{id}'"))}.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { [UnknownIdsExtension] = load.UnknownIds });
        }

        return TypedResults.Ok(ComparisonResponse.From(load.Comparison));
    }
}
