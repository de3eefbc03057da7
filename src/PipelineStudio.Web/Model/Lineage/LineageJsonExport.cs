using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>The exported JSON: the nodes and edges the explorer shows, with positions, so a tool can redraw the picture.</summary>
public sealed record LineageExportDocument(
    string Root, string Query, bool Truncated, IReadOnlyList<LineageExportNode> Nodes, IReadOnlyList<LineageExportEdge> Edges)
{
    public static LineageExportDocument From(LineageView view, LineageViewState state, LineagePath path) => new(
        view.RootId,
        state.ToQueryString(),
        view.Truncated,
        [.. view.Nodes.Select(n => new LineageExportNode(
            n.Id, n.Entity?.Kind, n.Type, n.Name, n.Entity?.SourceUri, n.Entity?.ContentHash, n.Entity?.ExecutionId, n.Entity?.StepName,
            n.Depth, n.X, n.Y, path.NodeIds.Contains(n.Id), n.IsGroup ? [.. n.Members.Select(m => m.Id)] : null))],
        [.. view.Edges.Select(e => new LineageExportEdge(e.From, e.To, e.Type, path.EdgeKeys.Contains(e.Key)))]);
}

public sealed record LineageExportNode(
    string Id, LineageKind? Kind, string Type, string Name, string? SourceUri, string? ContentHash, string? ExecutionId, string? StepName,
    int Depth, double X, double Y, bool OnPath, IReadOnlyList<string>? Members);

public sealed record LineageExportEdge(string Source, string Destination, string Type, bool OnPath);
