using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Pages;

public partial class SweepFormPage
{
    private (string, int?)? _loaded;

    [Parameter]
    public string Name { get; set; } = "";

    [SupplyParameterFromQuery(Name = "version")]
    public int? Version { get; set; }

    [Inject]
    public required IPipelineStore Pipelines { get; init; }

    [Inject]
    public required SweepRunner Runner { get; init; }

    [Inject]
    public required StudioUser User { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<SweepFormPage> Logger { get; init; }

    private PipelineLoadState State { get; set; } = PipelineLoadState.Loading;

    private string? LoadError { get; set; }

    private int PipelineVersion { get; set; }

    private SweepFormModel? Form { get; set; }

    private bool IsLaunching { get; set; }

    private string? LaunchError { get; set; }

    private string PipelineHref => $"/pipelines/{Uri.EscapeDataString(Name)}";

    private string VersionQuery => Version is { } v ? $"?version={v}" : "";

    private List<BreadcrumbItem> Breadcrumbs =>
        [new("Pipelines", "/pipelines"), new(Name, PipelineHref), new("Sweep", href: null, disabled: true)];

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Name, Version))
        {
            return;
        }

        _loaded = (Name, Version);
        State = PipelineLoadState.Loading;
        try
        {
            if (await Pipelines.FindAsync(Name) is null)
            {
                State = PipelineLoadState.PipelineNotFound;
                return;
            }

            var version = Version is { } v ? await Pipelines.GetVersionAsync(Name, v) : await Pipelines.GetLatestAsync(Name);
            if (version is null)
            {
                State = PipelineLoadState.VersionNotFound;
                return;
            }

            var definition = DefinitionValidator.Validate(version.DefinitionJson).Definition;
            if (definition is null)
            {
                LoadError = "The stored definition cannot be read, so there is no form to show.";
                State = PipelineLoadState.Failed;
                return;
            }

            PipelineVersion = version.Info.Version;
            Form = new SweepFormModel(definition);
            State = PipelineLoadState.Loaded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, Logger, "loading the sweep form");
            State = PipelineLoadState.Failed;
        }
    }

    private void Recompute()
    {
        Form?.Recompute();
        LaunchError = null;
    }

    private void SetMode(SweepMode mode)
    {
        Form!.Mode = mode;
        Recompute();
    }

    private void SetConcurrency(int concurrency)
    {
        Form!.Concurrency = concurrency;
        Recompute();
    }

    private void SetFailFast(bool failFast) => Form!.FailFast = failFast;

    private async Task LaunchAsync()
    {
        var form = Form!;
        form.Recompute();
        if (!form.CanLaunch || IsLaunching)
        {
            return;
        }

        IsLaunching = true;
        LaunchError = null;
        try
        {
            var launch = new SweepLaunch(
                Name, PipelineVersion, form.Spec, form.Plan.Members.Select(m => m.Parameters).ToList(),
                form.Concurrency, form.FailFast, User.Name, form.DisplayName);
            var sweep = await Runner.StartAsync(launch);
            Navigation.NavigateTo($"/sweeps/{Uri.EscapeDataString(sweep.Id)}");
        }
        catch (SweepRefusedException ex)
        {
            // The runner's own limits (size, concurrency) speak to the user directly.
            LaunchError = ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LaunchError = UserFacingErrors.Describe(ex, Logger, "starting a sweep");
        }
        finally
        {
            IsLaunching = false;
        }
    }
}
