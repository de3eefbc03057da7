using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

public partial class LaunchPage
{
    private (string, int?, string?)? _loaded;

    [Parameter]
    public string Name { get; set; } = "";

    /// <summary>The version to launch (<c>?version=N</c>); the latest when absent.</summary>
    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    /// <summary>An earlier execution whose parameter values fill the form (<c>?from=id</c>).</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [Inject]
    public required IPipelineStore Pipelines { get; init; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required IExecutionBackend Backend { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<LaunchPage> Logger { get; init; }

    private LaunchViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string PipelineHref => $"/pipelines/{Uri.EscapeDataString(Name)}";

    private string SweepHref => $"{PipelineHref}/sweep" + (Version is { } v ? $"?version={v}" : "");

    private List<BreadcrumbItem> Breadcrumbs =>
        [new("Pipelines", "/pipelines"), new(Name, PipelineHref), new("Launch", href: null, disabled: true)];

    protected override void OnInitialized() => ViewModel = new LaunchViewModel(Pipelines, Runs, Backend, Logger);

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Name, Version, From))
        {
            return;
        }

        _loaded = (Name, Version, From);
        await ViewModel.LoadAsync(Name, Version, From);
    }

    private string LaunchHref(int? version) => $"{PipelineHref}/launch" + (version is { } v ? $"?version={v}" : "");

    private async Task CloneAsync(string? executionId)
    {
        if (executionId is not null)
        {
            await ViewModel.CloneAsync(executionId);
        }
    }

    private string CloneLabel(string? executionId)
    {
        var execution = ViewModel.RecentExecutions.FirstOrDefault(e => e.Id == executionId) ?? ViewModel.CloneSource;
        return execution is null || execution.Id != executionId
            ? executionId ?? ""
            : $"{execution.DisplayName ?? execution.Id} · {RunStatusStyles.LabelOf(execution.Status)} · {TimeAgo.Format(execution.CreatedAt, Now)}";
    }

    private async Task StartAsync()
    {
        var id = await ViewModel.StartAsync();
        if (id is not null)
        {
            Navigation.NavigateTo($"/executions/{Uri.EscapeDataString(id)}");
        }
    }

    private static string ParameterSummary(ParameterForm form)
    {
        var required = form.Fields.Count(f => f.IsRequired);
        var text = $"{form.Fields.Count} parameter{(form.Fields.Count == 1 ? "" : "s")}";
        return required == 0 ? text : $"{text}, {required} without a default";
    }

    private string StatusLine(ParameterForm form)
    {
        if (ViewModel.IsStarting)
        {
            return "Storing the execution and starting its first steps…";
        }

        var invalid = form.Fields.Count(f => f.Problems.Count > 0) + form.OtherProblems.Count;
        if (invalid > 0)
        {
            return $"Fix {invalid} value{(invalid == 1 ? "" : "s")} to start.";
        }

        var changed = form.Fields.Count(f => !f.IsDefault && !f.IsRequired);
        return changed == 0 ? "Runs with the default values." : $"Runs with {changed} value{(changed == 1 ? "" : "s")} changed from the defaults.";
    }
}
