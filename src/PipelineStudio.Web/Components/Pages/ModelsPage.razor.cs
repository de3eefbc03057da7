using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Model.Registry;

namespace PipelineStudio.Web.Components.Pages;

public partial class ModelsPage
{
    // MudSelect needs a non-null value for "no filter".
    private const string AllValue = "*";

    /// <summary>Preselects a group, e.g. from the package page's breadcrumb.</summary>
    [SupplyParameterFromQuery(Name = "group")]
    public string? InitialGroup { get; set; }

    [Inject]
    public required IModelRegistry Registry { get; init; }

    [Inject]
    public required ModelMetricsReader MetricsReader { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<ModelsPage> Logger { get; init; }

    private ModelListViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string GroupFilter => ViewModel.Group ?? AllValue;

    private string StatusFilter => ViewModel.Status?.ToString() ?? AllValue;

    private string CountText => ViewModel.VisibleCount == ViewModel.TotalCount
        ? Plural(ViewModel.TotalCount, "package")
        : $"{ViewModel.VisibleCount} of {Plural(ViewModel.TotalCount, "package")}";

    protected override async Task OnInitializedAsync()
    {
        ViewModel = new ModelListViewModel(Registry, MetricsReader, Logger) { Group = string.IsNullOrWhiteSpace(InitialGroup) ? null : InitialGroup };
        await ViewModel.LoadAsync();
    }

    private void OnGroupChanged(string? value) => ViewModel.Group = value is null or AllValue ? null : value;

    private void OnStatusChanged(string? value) =>
        ViewModel.Status = Enum.TryParse<ModelApprovalStatus>(value, out var status) ? status : null;

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
