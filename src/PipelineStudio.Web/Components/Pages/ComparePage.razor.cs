using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Comparison;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>
/// Executions side by side. The address holds the whole view (<c>?executions=a,b&amp;all=true</c>), so a link
/// reopens the same comparison; the page reads a snapshot and refreshes on request, not live.
/// </summary>
public partial class ComparePage
{
    private ComparisonLoad? _load;
    private bool _loading;
    private string? _error;
    private string? _loadedQuery;

    [SupplyParameterFromQuery(Name = "executions")]
    public string? ExecutionsQuery { get; set; }

    /// <summary>Whether every parameter shows, not only the differing ones.</summary>
    [SupplyParameterFromQuery(Name = "all")]
    public bool ShowAll { get; set; }

    [Inject]
    public required ExecutionComparisonLoader Loader { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<ComparePage> Logger { get; init; }

    private ComparisonSelection Selection { get; set; } = ComparisonSelection.Parse(null);

    private ExecutionComparison? Comparison => _load?.Comparison;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private static List<BreadcrumbItem> Breadcrumbs => [new("Executions", "/executions"), new("Compare", href: null, disabled: true)];

    protected override async Task OnParametersSetAsync()
    {
        // Toggling "show all" changes the address too; only a different selection needs a new load.
        if (_loadedQuery == ExecutionsQuery && (_load is not null || _error is not null))
        {
            return;
        }

        _loadedQuery = ExecutionsQuery;
        Selection = ComparisonSelection.Parse(ExecutionsQuery);
        _load = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Selection.Ids.Count == 0)
        {
            return;
        }

        _loading = true;
        _error = null;
        try
        {
            _load = await Loader.LoadAsync(Selection.Ids);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = UserFacingErrors.Describe(ex, Logger, "loading an execution comparison");
        }
        finally
        {
            _loading = false;
        }
    }

    private void SetShowAllAsync(bool showAll)
    {
        ShowAll = showAll;
        Navigation.NavigateTo(Href(Selection.Ids), replace: true);
    }

    private string Href(IEnumerable<string> ids) => ComparisonSelection.Href(ids) + (ShowAll ? "&all=true" : "");

    private static string Subtitle(ExecutionComparison comparison)
    {
        var pipelines = comparison.PipelineVersions;
        var of = pipelines.Count == 1 ? $"of {pipelines[0]}" : $"across {pipelines.Count} pipeline versions ({string.Join(", ", pipelines)})";
        return $"{comparison.Executions.Count} executions {of}. The first is the baseline: differences are measured against it.";
    }

    private string TooFewText(ComparisonLoad load) => load.Comparison.Executions.Count switch
    {
        0 => "None of the executions in this address exists, so there is nothing to compare.",
        _ when Selection.Ids.Count == 1 => $"A comparison needs two or more executions; this address names only {Selection.Ids[0]}.",
        _ => $"A comparison needs two or more executions; of those in this address only {load.Comparison.Executions[0].Id} exists.",
    };

    // Leaving one out keeps the rest in order; below two there would be nothing to compare.
    private string? RemoveHref(ExecutionComparison comparison, int column) =>
        comparison.Executions.Count <= ComparisonSelection.MinExecutions
            ? null
            : Href(comparison.Executions.Where((_, i) => i != column).Select(e => e.Id));
}
