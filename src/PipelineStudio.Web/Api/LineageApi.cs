using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>
/// REST lineage: <c>/api/v1/lineage/{entityId}</c> (walk), <c>/api/v1/lineage/path</c>, <c>/api/v1/lineage?search=</c>,
/// and <c>/api/v1/artifacts?uri=</c> (an object or prefix in the artifact store with the lineage ids of its content).
/// </summary>
public static class LineageApi
{
    public static IEndpointRouteBuilder MapLineageApi(this IEndpointRouteBuilder routes)
    {
        var lineage = routes.MapGroup("/api/v1/lineage").WithTags("Lineage");
        lineage.MapGet("/", SearchAsync).WithName("SearchLineage").WithSummary("Entities whose id, name, URI or content hash matches.");
        lineage.MapGet("/path", PathAsync).WithName("LineagePath").WithSummary("A shortest path between two entities, edges followed either way.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        lineage.MapGet("/{entityId}", QueryAsync).WithName("QueryLineage")
            .WithSummary("Upstream and/or downstream from an entity: ?direction=upstream|downstream|both&depth=N&types=&associations=&maxNodes=")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/api/v1/artifacts", ArtifactsAsync).WithTags("Artifacts").WithName("ListArtifacts")
            .WithSummary("The object at an s3:// URI, or every object under it, with content hashes and lineage ids.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    public static async Task<Results<Ok<LineageGraphResponse>, ProblemHttpResult>> QueryAsync(
        string entityId, ILineageStore store, CancellationToken cancellationToken,
        string? direction = null, int? depth = null, string? types = null, string? associations = null, int? maxNodes = null)
    {
        if (!TryParseDirection(direction, out var parsed))
        {
            return ExecutionProblems.BadQuery($"direction '{direction}' is not one of upstream, downstream, both.");
        }

        if (depth is { } d && d is < 1 or > LineageQuery.DepthLimit)
        {
            return ExecutionProblems.BadQuery($"depth {d} is outside 1..{LineageQuery.DepthLimit}.");
        }

        if (maxNodes is < 1 or > 20_000)
        {
            return ExecutionProblems.BadQuery($"maxNodes {maxNodes} is outside 1..20000.");
        }

        if (await store.GetAsync(entityId, cancellationToken) is null)
        {
            return ExecutionProblems.NotFound("Lineage entity not found", $"There is no lineage entity '{entityId}'.");
        }

        var graph = await store.QueryAsync(
            new LineageQuery(entityId, parsed, depth ?? 3, List(types), List(associations), maxNodes ?? 5_000), cancellationToken);
        return TypedResults.Ok(LineageGraphResponse.From(entityId, graph));
    }

    public static async Task<Results<Ok<LineageGraphResponse>, ProblemHttpResult>> PathAsync(
        ILineageStore store, CancellationToken cancellationToken, string? from = null, string? to = null, int? depth = null)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return ApiProblems.MissingQueryParameter(string.IsNullOrWhiteSpace(from) ? "from" : "to", "the two entity ids to connect");
        }

        if (depth is < 1 or > LineageQuery.DepthLimit)
        {
            return ExecutionProblems.BadQuery($"depth {depth} is outside 1..{LineageQuery.DepthLimit}.");
        }

        foreach (var id in new[] { from, to })
        {
            if (await store.GetAsync(id, cancellationToken) is null)
            {
                return ExecutionProblems.NotFound("Lineage entity not found", $"There is no lineage entity '{id}'.");
            }
        }

        return TypedResults.Ok(LineageGraphResponse.From(from, await store.FindPathAsync(from, to, depth ?? 10, cancellationToken)));
    }

    public static async Task<Ok<IReadOnlyList<LineageNodeResponse>>> SearchAsync(
        ILineageStore store, CancellationToken cancellationToken, string? search = null, int? limit = null)
    {
        IReadOnlyList<LineageNodeResponse> found = string.IsNullOrWhiteSpace(search) ? []
            : [.. (await store.SearchAsync(search, Math.Clamp(limit ?? 50, 1, 500), cancellationToken)).Select(e => LineageNodeResponse.From(e, 0))];
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Ok<IReadOnlyList<ArtifactResponse>>, ProblemHttpResult>> ArtifactsAsync(
        IArtifactStore artifacts, ILineageStore lineage, CancellationToken cancellationToken, string? uri = null)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return ApiProblems.MissingQueryParameter("uri", "the s3:// URI of an object or prefix");
        }

        if (!uri.StartsWith("s3://", StringComparison.Ordinal) || uri.Length <= "s3://".Length)
        {
            return ExecutionProblems.BadQuery($"uri '{uri}' is not an s3://bucket/key URI.");
        }

        IReadOnlyList<ArtifactObject> objects;
        try
        {
            objects = await artifacts.ListAsync(uri, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            return ExecutionProblems.BadQuery(invalid.Message);
        }

        var result = new List<ArtifactResponse>();
        foreach (var artifact in objects)
        {
            var entities = await lineage.SearchAsync(artifact.ContentHash, 20, cancellationToken);
            result.Add(ArtifactResponse.From(artifact, [.. entities.Where(e => e.ContentHash == artifact.ContentHash).Select(e => e.Id)]));
        }

        return TypedResults.Ok<IReadOnlyList<ArtifactResponse>>(result);
    }

    private static bool TryParseDirection(string? text, out LineageDirection direction)
    {
        direction = LineageDirection.Both;
        return string.IsNullOrWhiteSpace(text) || Enum.TryParse(text, ignoreCase: true, out direction) && Enum.IsDefined(direction);
    }

    private static List<string>? List(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated) ? null : [.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
