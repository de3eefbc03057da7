using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>REST <c>/api/v1/pipelines</c>: list, save (new version), read versions and download definitions.</summary>
public static class PipelinesApi
{
    public static IEndpointRouteBuilder MapPipelinesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/pipelines").WithTags("Pipelines");

        api.MapGet("/", ListPipelinesAsync)
            .WithName("ListPipelines")
            .WithSummary("Lists pipelines whose name, display name or description contains the search text.");

        api.MapPost("/", SavePipelineAsync)
            .WithName("SavePipeline")
            .WithSummary("Validates the definition in the body and saves it as the next version of pipeline ?name=.")
            .Accepts<JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/{name}", GetPipelineAsync)
            .WithName("GetPipeline")
            .WithSummary("The latest version of a pipeline with its definition.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/versions", ListVersionsAsync)
            .WithName("ListPipelineVersions")
            .WithSummary("Every version of a pipeline, newest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/versions/{version:int}", GetVersionAsync)
            .WithName("GetPipelineVersion")
            .WithSummary("One version of a pipeline with its definition.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{name}/definition", GetDefinitionAsync)
            .WithName("GetPipelineDefinition")
            .WithSummary("The definition JSON itself (latest or ?version=N); ?download=true makes it an attachment.")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Ok<PipelineSummaryResponse[]>> ListPipelinesAsync(
        [AsParameters] PipelinesApiServices services, string? search, CancellationToken cancellationToken)
    {
        var pipelines = await services.Store.ListAsync(search, cancellationToken);
        return TypedResults.Ok(pipelines.Select(PipelineSummaryResponse.From).ToArray());
    }

    public static async Task<Results<Created<SavedPipelineResponse>, ProblemHttpResult>> SavePipelineAsync(
        HttpRequest request,
        [AsParameters] PipelinesApiServices services,
        string? name,
        string? message,
        string? author,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ApiProblems.MissingQueryParameter("name", "the name of the pipeline to save the definition as");
        }

        var text = await RequestText.ReadAsync(request, RequestText.MaxBodyBytes, cancellationToken);
        if (text is null)
        {
            return ApiProblems.BodyTooLarge(RequestText.MaxBodyBytes);
        }

        try
        {
            var result = await services.Library.SaveAsync(
                name, text, string.IsNullOrWhiteSpace(author) ? services.User.Name : author, message ?? "",
                isImport: true, expectedLatestVersion: expectedVersion, cancellationToken: cancellationToken);
            if (result.Version is null)
            {
                return ApiProblems.InvalidDefinition(result.Issues);
            }

            return TypedResults.Created(
                $"/api/v1/pipelines/{Uri.EscapeDataString(name)}/versions/{result.Version.Version}",
                new SavedPipelineResponse(name, result.Version.Version, IssueResponse.From(result.Issues)));
        }
        catch (PipelineVersionConflictException conflict)
        {
            return ApiProblems.VersionConflict(conflict);
        }
    }

    public static async Task<Results<Ok<PipelineDetailResponse>, ProblemHttpResult>> GetPipelineAsync(
        string name, [AsParameters] PipelinesApiServices services, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        var summary = await services.Store.FindAsync(name, cancellationToken);
        var latest = summary is null ? null : await services.Store.GetLatestAsync(name, cancellationToken);
        return summary is null || latest is null
            ? ApiProblems.PipelineNotFound(name)
            : TypedResults.Ok(ToDetail(summary, latest));
    }

    public static async Task<Results<Ok<PipelineVersionResponse[]>, ProblemHttpResult>> ListVersionsAsync(
        string name, [AsParameters] PipelinesApiServices services, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        // An empty list means "no such pipeline" only when the pipeline itself is missing.
        if (await services.Store.FindAsync(name, cancellationToken) is null)
        {
            return ApiProblems.PipelineNotFound(name);
        }

        var versions = await services.Store.ListVersionsAsync(name, cancellationToken);
        return TypedResults.Ok(versions.Select(PipelineVersionResponse.From).ToArray());
    }

    public static async Task<Results<Ok<PipelineDetailResponse>, ProblemHttpResult>> GetVersionAsync(
        string name, int version, [AsParameters] PipelinesApiServices services, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        var summary = await services.Store.FindAsync(name, cancellationToken);
        if (summary is null)
        {
            return ApiProblems.PipelineNotFound(name);
        }

        var stored = await services.Store.GetVersionAsync(name, version, cancellationToken);
        return stored is null ? ApiProblems.VersionNotFound(name, version) : TypedResults.Ok(ToDetail(summary, stored));
    }

    public static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetDefinitionAsync(
        string name, int? version, bool? download, [AsParameters] PipelinesApiServices services, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        var stored = version is int v
            ? await services.Store.GetVersionAsync(name, v, cancellationToken)
            : await services.Store.GetLatestAsync(name, cancellationToken);
        if (stored is null)
        {
            return version is int missing && await services.Store.FindAsync(name, cancellationToken) is not null
                ? ApiProblems.VersionNotFound(name, missing)
                : ApiProblems.PipelineNotFound(name);
        }

        if (download == true)
        {
            var fileName = $"{name}-v{stored.Info.Version}.json";
            return TypedResults.File(Encoding.UTF8.GetBytes(stored.DefinitionJson), "application/json", fileName);
        }

        return TypedResults.Text(stored.DefinitionJson, "application/json", Encoding.UTF8);
    }

    private static PipelineDetailResponse ToDetail(PipelineSummary summary, PipelineVersion stored)
    {
        // Stored definitions were validated on save, so they parse; a null here would mean a damaged row.
        var (definition, _) = DefinitionJson.Parse(stored.DefinitionJson);
        return new PipelineDetailResponse(
            summary.Name, summary.DisplayName, summary.Description, summary.LatestVersion, summary.StepCount,
            summary.CreatedAt, summary.UpdatedAt, PipelineVersionResponse.From(stored.Info), definition);
    }
}
