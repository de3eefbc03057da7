using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>REST <c>POST /api/v1/validate</c>: every issue of a definition, without storing anything.</summary>
public static class ValidationApi
{
    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/validate", ValidateAsync)
            .WithTags("Validation")
            .WithName("ValidateDefinition")
            .WithSummary("Validates the definition in the body and returns every issue; an invalid definition is still a 200.")
            .Accepts<JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return routes;
    }

    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await RequestText.ReadAsync(request, RequestText.MaxBodyBytes, cancellationToken);
        if (text is null)
        {
            return ApiProblems.BodyTooLarge(RequestText.MaxBodyBytes);
        }

        var report = DefinitionValidator.Validate(text);
        return TypedResults.Ok(new ValidationResponse(
            !report.HasErrors, report.ErrorCount, report.WarningCount, IssueResponse.From(report.Issues)));
    }
}
