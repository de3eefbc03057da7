using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Components.Lineage;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>
/// The lineage explorer for one entity. The URL is the state: every control navigates (replacing the history entry) to
/// the URL of the new state, and the page draws whatever the URL says, so a reload or a shared link shows the same view.
/// </summary>
public partial class LineagePage
{
    private string? _loadError;
    private bool _pickingPathEnd;

    [Parameter]
    public string EntityId { get; set; } = "";

    [SupplyParameterFromQuery(Name = "direction")]
    public string? Direction { get; set; }

    [SupplyParameterFromQuery(Name = "depth")]
    public int? Depth { get; set; }

    [SupplyParameterFromQuery(Name = "types")]
    public string? Types { get; set; }

    [SupplyParameterFromQuery(Name = "selected")]
    public string? Selected { get; set; }

    [SupplyParameterFromQuery(Name = "expanded")]
    public string? Expanded { get; set; }

    [SupplyParameterFromQuery(Name = "group")]
    public bool? Group { get; set; }

    [Inject]
    public required ILineageStore Store { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<LineagePage> Logger { get; init; }

    internal LineageExplorerModel Explorer { get; private set; } = null!;

    private LineageEntityStyle RootStyle => LineageEntityStyles.For(Explorer.Root!.Kind, Explorer.Root.Type);

    private List<BreadcrumbItem> Breadcrumbs => [new("Lineage", "/lineage"), new(Explorer.Root!.Name, href: null, disabled: true)];

    private IReadOnlyDictionary<string, LineageKind> KindOfType { get; set; } = new Dictionary<string, LineageKind>();

    /// <summary>The first selected entity; the second, if any, is the path's other end.</summary>
    private LineageEntity? DetailsEntity => Explorer.SelectedEntities.FirstOrDefault(e => e.Id == Explorer.ViewState.Selected.FirstOrDefault());

    private string? PathEndName => Explorer.ViewState.Selected is [_, var end]
        ? Explorer.SelectedEntities.FirstOrDefault(e => e.Id == end)?.Name ?? Explorer.View.Find(end)?.Name
        : null;

    private bool IsDetailsExpanded => Explorer.ViewState.Selected is [var first, ..] && Explorer.ViewState.Expanded.Contains(first);

    protected override void OnInitialized() => Explorer = new LineageExplorerModel(Store);

    protected override async Task OnParametersSetAsync()
    {
        var state = LineageViewState.Parse(Direction, Depth, Types, Selected, Expanded, Group);
        try
        {
            await Explorer.LoadAsync(EntityId, state);
            if (Explorer.ViewChanged)
            {
                KindOfType = Explorer.View.Nodes.Where(n => n.Entity is not null)
                    .GroupBy(n => n.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Entity!.Kind, StringComparer.Ordinal);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _loadError = UserFacingErrors.Describe(exception, Logger, $"loading the lineage of {EntityId}");
            Explorer.Fail();
        }
    }

    private void ChangeState(LineageViewState state) =>
        Navigation.NavigateTo(LineageLinks.Explorer(EntityId, state), new NavigationOptions { ReplaceHistoryEntry = true });

    private void SelectNode(LineageNodeClick click)
    {
        var addToPath = click.AddToPath || _pickingPathEnd;
        _pickingPathEnd = false;
        ChangeState(Explorer.ViewState.Select(click.NodeId, addToPath));
    }

    private void ExpandNode(string nodeId)
    {
        // A group node is not an entity: there is nothing to walk from.
        if (Explorer.View.Find(nodeId)?.IsGroup == true)
        {
            return;
        }

        var state = Explorer.ViewState.Expand(nodeId);
        ChangeState(state.Selected.Contains(nodeId) ? state : state.Select(nodeId, addToPath: false));
    }
}
