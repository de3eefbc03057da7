using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

public partial class PipelinePage
{
    // Matches .pipeline-graph-area__details in PipelinePage.razor.css (420px plus its 12px offset).
    private const double DetailsPanelWidth = 432;

    private (string Name, int? Version)? _loaded;

    [Parameter]
    public string Name { get; set; } = "";

    /// <summary>The version to show (<c>?version=N</c>); the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    [Inject]
    public required IPipelineStore Store { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<PipelinePage> Logger { get; init; }

    private PipelineDetailViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string PipelineHref => $"/pipelines/{Uri.EscapeDataString(Name)}";

    // The launch and sweep forms open on the version shown here, so an older version launches as itself.
    private string VersionQuery => ViewModel.IsLatest || ViewModel.Version is null ? "" : $"?version={ViewModel.Version.Info.Version}";

    private string LaunchHref => $"{PipelineHref}/launch{VersionQuery}";

    private string DesignerHref => $"{PipelineHref}/designer{VersionQuery}";

    private string SweepHref => $"{PipelineHref}/sweep{VersionQuery}";

    private string ExecutionsHref => $"/executions?pipeline={Uri.EscapeDataString(Name)}";

    private List<BreadcrumbItem> Breadcrumbs => [new("Pipelines", "/pipelines"), new(Name, href: null, disabled: true)];

    protected override void OnInitialized() => ViewModel = new PipelineDetailViewModel(Store, Logger);

    protected override async Task OnParametersSetAsync()
    {
        // Query-string changes (?version=N) re-run this without a new component; reload only when the target changed.
        if (_loaded == (Name, Version))
        {
            return;
        }

        _loaded = (Name, Version);
        await ViewModel.LoadAsync(Name, Version);
    }

    private void SelectStep(string? stepName) => ViewModel.SelectStep(stepName);
}
