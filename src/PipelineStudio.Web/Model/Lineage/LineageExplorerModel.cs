using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

public enum LineageLoadState
{
    Loading,
    NotFound,
    Failed,
    Ready,
}

/// <summary>
/// The explorer's state for one root: loads only when the walk changed (root, direction, depth, expansions), rebuilds
/// the layout only when what is drawn changed (types, grouping), and recomputes the path on every selection. The page
/// and the export endpoint both use it, so an export shows exactly what the page shows.
/// </summary>
public sealed class LineageExplorerModel(ILineageStore store)
{
    private string? _dataKey;
    private string? _viewKey;
    private LineageGraphData _data = new();

    public LineageLoadState State { get; private set; } = LineageLoadState.Loading;

    public LineageEntity? Root { get; private set; }

    public LineageViewState ViewState { get; private set; } = new();

    public LineageView View { get; private set; } = LineageView.Empty;

    public LineagePath Path { get; private set; } = LineagePath.None;

    /// <summary>True when the last call changed the drawn nodes and edges (the diagram must be repopulated).</summary>
    public bool ViewChanged { get; private set; }

    /// <summary>The entities whose details are shown: the selection, in order, that the graph holds.</summary>
    public IReadOnlyList<LineageEntity> SelectedEntities => [.. ViewState.Selected.Select(_data.Find).OfType<LineageEntity>()];

    /// <summary>A selected group node (its id is not an entity), for the details panel.</summary>
    public LineageViewNode? SelectedGroup => ViewState.Selected.Select(View.Find).FirstOrDefault(n => n?.IsGroup == true);

    public async Task LoadAsync(string rootId, LineageViewState state, CancellationToken cancellationToken = default)
    {
        ViewChanged = false;
        var dataKey = $"{rootId}|{state.Direction}|{state.Depth}|{string.Join(',', state.Expanded)}";
        if (dataKey != _dataKey)
        {
            if (Root?.Id != rootId)
            {
                State = LineageLoadState.Loading;
                Root = await store.GetAsync(rootId, cancellationToken);
                if (Root is null)
                {
                    State = LineageLoadState.NotFound;
                    _dataKey = null;
                    return;
                }
            }

            _data = await LineageGraphData.LoadAsync(store, rootId, state, cancellationToken);
            _dataKey = dataKey;
            _viewKey = null;
        }

        // Grouping keeps selected artifacts out of groups, so with grouping on a new selection can change the picture.
        var viewKey = $"{string.Join(',', state.Types ?? [])}|{state.Types is null}|{state.GroupArtifacts}|{(state.GroupArtifacts ? string.Join(',', state.Selected) : "")}";
        if (viewKey != _viewKey)
        {
            View = LineageViewBuilder.Build(_data, rootId, state);
            _viewKey = viewKey;
            ViewChanged = true;
        }

        ViewState = state;
        Path = state.Selected is [var from, var to] && View.NodeIdOf(from) is { } a && View.NodeIdOf(to) is { } b
            ? LineagePath.Find(View, a, b)
            : LineagePath.None;
        State = LineageLoadState.Ready;
    }

    public void Fail() => State = LineageLoadState.Failed;
}
