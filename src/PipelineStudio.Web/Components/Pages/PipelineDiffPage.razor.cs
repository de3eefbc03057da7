using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>Compares two versions of a pipeline: what changed step by step, then the JSON line by line.</summary>
public partial class PipelineDiffPage
{
    private (string Name, int? From, int? To)? _loaded;

    [Parameter]
    public string Name { get; set; } = "";

    [SupplyParameterFromQuery(Name = "from")]
    public int? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public int? To { get; set; }

    [Inject]
    public required IPipelineStore Store { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<PipelineDiffPage> Logger { get; init; }

    private VersionDiffViewModel ViewModel { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
        [new("Pipelines", "/pipelines"), new(Name, $"/pipelines/{Uri.EscapeDataString(Name)}"), new("Compare", href: null, disabled: true)];

    protected override void OnInitialized() => ViewModel = new VersionDiffViewModel(Store, Logger);

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Name, From, To))
        {
            return;
        }

        _loaded = (Name, From, To);
        await ViewModel.LoadAsync(Name, From, To);
    }

    private static string VersionLabel(PipelineVersionInfo version) =>
        $"v{version.Version} · {version.Message} · {version.Author}";

    private void Navigate(int? from, int? to) =>
        Navigation.NavigateTo($"/pipelines/{Uri.EscapeDataString(Name)}/diff?from={from}&to={to}");

    private void Swap() => Navigate(ViewModel.To?.Version, ViewModel.From?.Version);

    private static string Sign(DiffLineKind kind) => kind switch
    {
        DiffLineKind.Added => "+",
        DiffLineKind.Removed => "−",
        DiffLineKind.Folded => "⋯",
        _ => "",
    };

    private static IEnumerable<(string Label, Color Color)> Summary(PipelineDiffResult diff)
    {
        foreach (var (kind, noun) in new[] { (ChangeKind.Added, "added"), (ChangeKind.Removed, "removed"), (ChangeKind.Changed, "changed") })
        {
            var steps = diff.Steps.Count(s => s.Kind == kind);
            if (steps > 0)
            {
                yield return ($"{steps} {(steps == 1 ? "step" : "steps")} {noun}", ChangeStyles.ColorOf(kind));
            }

            var parameters = diff.Parameters.Count(p => p.Kind == kind);
            if (parameters > 0)
            {
                yield return ($"{parameters} {(parameters == 1 ? "parameter" : "parameters")} {noun}", ChangeStyles.ColorOf(kind));
            }
        }

        if (diff.Document.Count > 0)
        {
            yield return ($"{diff.Document.Count} pipeline {(diff.Document.Count == 1 ? "setting" : "settings")} changed", Color.Info);
        }
    }
}
