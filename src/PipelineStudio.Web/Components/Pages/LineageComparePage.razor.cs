using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>
/// "What changed upstream" for two entities (<c>?a=&amp;b=</c>: lineage ids, model package ids or execution ids). The URL
/// is the state, so a comparison can be linked; picking or swapping a side navigates.
/// </summary>
public partial class LineageComparePage
{
    private string? _loadError;

    [SupplyParameterFromQuery(Name = "a")]
    public string? A { get; set; }

    [SupplyParameterFromQuery(Name = "b")]
    public string? B { get; set; }

    [SupplyParameterFromQuery(Name = "all")]
    public bool ShowAll { get; set; }

    [Inject]
    public required ILineageStore Lineage { get; init; }

    [Inject]
    public required IModelRegistry Registry { get; init; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<LineageComparePage> Logger { get; init; }

    internal UpstreamCompareViewModel Model { get; private set; } = null!;

    private UpstreamComparisonLoader Loader { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private List<BreadcrumbItem> Breadcrumbs => [new("Lineage", "/lineage"), new("What changed upstream", href: null, disabled: true)];

    /// <summary>The execution comparison page, when the two sides come from two different executions of this studio.</summary>
    private string? ExecutionsLink =>
        Model.A.Loaded?.Execution?.Id is { } a && Model.B.Loaded?.Execution?.Id is { } b && a != b ? LineageLinks.CompareExecutions(a, b) : null;

    protected override void OnInitialized()
    {
        Loader = new UpstreamComparisonLoader(Lineage, Registry, Runs);
        Model = new UpstreamCompareViewModel(Loader);
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _loadError = null;
            await Model.LoadAsync(A, B);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _loadError = UserFacingErrors.Describe(exception, Logger, "comparing upstream lineage");
        }
    }

    private Task PickAsync(string? a, string? b)
    {
        Navigation.NavigateTo(LineageLinks.Compare(a, b, ShowAll));
        return Task.CompletedTask;
    }

    private void ChangeShowAll(bool showAll) =>
        Navigation.NavigateTo(LineageLinks.Compare(Model.A.Query, Model.B.Query, showAll), new NavigationOptions { ReplaceHistoryEntry = true });
}
