using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Components.Models;
using PipelineStudio.Web.Model.Registry;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>One model package under review: its evidence, and the approval change with a required comment.</summary>
public partial class ModelPackagePage
{
    [Parameter]
    public string Group { get; set; } = "";

    [Parameter]
    public int Version { get; set; }

    [Inject]
    public required IModelRegistry Registry { get; init; }

    [Inject]
    public required ModelMetricsReader MetricsReader { get; init; }

    [Inject]
    public required ILineageStore LineageStore { get; init; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<ModelPackagePage> Logger { get; init; }

    private ModelPackageViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Models", ModelLinks.List),
        new(Group, $"{ModelLinks.List}?group={Uri.EscapeDataString(Group)}"),
        new($"v{Version}", null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    /// <summary>Every status other than the current one: approving a rejected version or rejecting an approved one are both reviews.</summary>
    private static IEnumerable<ModelApprovalStatus> Targets(ModelApprovalStatus current) =>
        new[] { ModelApprovalStatus.Approved, ModelApprovalStatus.Rejected, ModelApprovalStatus.PendingManualApproval }.Where(s => s != current);

    private async Task LoadAsync()
    {
        ViewModel = new ModelPackageViewModel(Registry, MetricsReader, LineageStore, Runs, Logger);
        await ViewModel.LoadAsync(Group, Version);
    }

    private async Task OpenApprovalAsync(ModelPackageRecord package, ModelApprovalStatus target)
    {
        var parameters = new DialogParameters<ApprovalDialog> { { d => d.Package, package }, { d => d.Target, target } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<ApprovalDialog>(ApprovalStatusStyles.ActionOf(target), parameters, options);
        if (await dialog.Result is { Canceled: false, Data: ModelPackageRecord changed })
        {
            Snackbar.Add($"{changed.GroupName} v{changed.Version} is now {ApprovalStatusStyles.LabelOf(changed.ApprovalStatus)}.", Severity.Success);
            await LoadAsync();
        }
    }
}
