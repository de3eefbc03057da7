using System.Text.Json;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Api;

/// <summary>
/// <c>/api/v1/lineage/{entityId}/export?format=json|svg</c> with the explorer's own query string (direction, depth, types,
/// selected, expanded, group): the picture the explorer shows for that URL, as a download.
/// </summary>
public static class LineageExportApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapLineageExportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/lineage/{entityId}/export", ExportAsync).WithTags("Lineage").WithName("ExportLineageView")
            .WithSummary("The lineage explorer's view as JSON or SVG: ?format=json|svg plus the explorer's query string.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<IResult> ExportAsync(
        string entityId, ILineageStore store, CancellationToken cancellationToken, string? format = null, string? direction = null, int? depth = null,
        string? types = null, string? selected = null, string? expanded = null, bool? group = null)
    {
        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "svg"))
        {
            return ExecutionProblems.BadQuery($"format '{format}' is not one of json, svg.");
        }

        var explorer = new LineageExplorerModel(store);
        await explorer.LoadAsync(entityId, LineageViewState.Parse(direction, depth, types, selected, expanded, group), cancellationToken);
        if (explorer.State == LineageLoadState.NotFound)
        {
            return ExecutionProblems.NotFound("Lineage entity not found", $"There is no lineage entity '{entityId}'.");
        }

        var fileName = $"lineage-{entityId}.{kind}";
        return kind == "svg"
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(LineageSvgWriter.Write(explorer.View, explorer.Path)), "image/svg+xml", fileName)
            : Results.File(JsonSerializer.SerializeToUtf8Bytes(LineageExportDocument.From(explorer.View, explorer.ViewState, explorer.Path), Json), "application/json", fileName);
    }
}
