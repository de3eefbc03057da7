using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Components.Shared;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

public partial class PipelinesPage
{
    [Inject]
    public required IPipelineStore Store { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<PipelinesPage> Logger { get; init; }

    private PipelineListViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string CountText => ViewModel.Visible.Count == ViewModel.TotalCount
        ? $"{ViewModel.TotalCount} pipeline{(ViewModel.TotalCount == 1 ? "" : "s")}"
        : $"{ViewModel.Visible.Count} of {ViewModel.TotalCount} pipelines";

    protected override async Task OnInitializedAsync()
    {
        ViewModel = new PipelineListViewModel(Store, Logger);
        await ViewModel.LoadAsync();
    }

    private void OnSearchChanged(string? text) => ViewModel.SearchText = text ?? "";

    private static string PipelineHref(string name) => $"/pipelines/{Uri.EscapeDataString(name)}";

    private async Task OpenImportAsync()
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        await Dialogs.ShowAsync<ImportDialog>("Import a pipeline definition", options);
    }
}
