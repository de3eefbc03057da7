using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Components.Pages;

public partial class ExecutionsPage
{
    /// <summary>How often queued run events are applied and running durations re-drawn.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private const string AllPipelines = "";

    // Ticked executions with their start, so the comparison runs oldest first (the oldest is its baseline).
    private readonly Dictionary<string, DateTimeOffset> _selected = new(StringComparer.Ordinal);
    private RunEventBuffer? _events;
    private ITimer? _timer;
    private int _refreshing;

    [SupplyParameterFromQuery(Name = "pipeline")]
    public string? PipelineQuery { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "range")]
    public string? RangeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required IPipelineStore Pipelines { get; init; }

    [Inject]
    public required IRunEventHub Hub { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<ExecutionsPage> Logger { get; init; }

    private ExecutionListViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    // A pipeline named in the URL stays selectable even when the store does not list it (deleted, or a typo).
    private IEnumerable<string> PipelineChoices => ViewModel.Filter.Pipeline is { } p && !ViewModel.PipelineNames.Contains(p)
        ? [.. ViewModel.PipelineNames, p]
        : ViewModel.PipelineNames;

    private DateRange DateRange => new(
        ViewModel.Filter.From?.ToDateTime(TimeOnly.MinValue), ViewModel.Filter.To?.ToDateTime(TimeOnly.MinValue));

    private string CountText => ViewModel.HasMore
        ? $"Showing the newest {ViewModel.Rows.Count} executions"
        : $"{ViewModel.Rows.Count} execution{(ViewModel.Rows.Count == 1 ? "" : "s")}";

    protected override void OnInitialized()
    {
        ViewModel = new ExecutionListViewModel(Runs, Pipelines, Clock, Logger);

        // Subscribed before the first load, so nothing that happens while loading is missed.
        if (RendererInfo.IsInteractive)
        {
            _events = new RunEventBuffer(Hub, keep: e => e is ExecutionChanged or StepChanged);
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshInterval, RefreshInterval);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = ExecutionFilter.Parse(PipelineQuery, StatusQuery, RangeQuery, FromQuery, ToQuery);
        if (!ViewModel.IsLoading && filter.SameAs(ViewModel.Filter))
        {
            return;
        }

        await LoadAsync(filter);
    }

    private static string ExecutionHref(string id) => $"/executions/{Uri.EscapeDataString(id)}";

    private static string PipelineHref(string name) => $"/pipelines/{Uri.EscapeDataString(name)}";

    private static string CloneHref(ExecutionRecord execution) =>
        $"/pipelines/{Uri.EscapeDataString(execution.PipelineName)}/launch?from={Uri.EscapeDataString(execution.Id)}";

    private string? CompareHref => _selected.Count is >= ComparisonSelection.MinExecutions and <= ComparisonSelection.MaxExecutions
        ? ComparisonSelection.Href(_selected.OrderBy(s => s.Value).Select(s => s.Key))
        : null;

    private string CompareTooltip => _selected.Count switch
    {
        < ComparisonSelection.MinExecutions => "Tick two or more executions to compare them side by side",
        > ComparisonSelection.MaxExecutions => $"A comparison shows at most {ComparisonSelection.MaxExecutions} executions",
        _ => "Parameters, metrics and step durations side by side",
    };

    private void Select(ExecutionRecord execution, bool selected)
    {
        if (selected)
        {
            _selected[execution.Id] = execution.CreatedAt;
        }
        else
        {
            _selected.Remove(execution.Id);
        }
    }

    private void ClearSelection() => _selected.Clear();

    private static string StatusText(IReadOnlyList<string> labels) => labels.Count == 0 ? "Any status" : string.Join(", ", labels);

    private Task SetPipelineAsync(string? pipeline) =>
        ApplyFilterAsync(ViewModel.Filter with { Pipeline = string.IsNullOrEmpty(pipeline) ? null : pipeline });

    private Task SetStatusesAsync(IEnumerable<ExecutionStatus>? statuses) =>
        ApplyFilterAsync(ViewModel.Filter with { Statuses = (statuses ?? []).ToHashSet() });

    private Task SetWindowAsync(TimeWindow window) => ApplyFilterAsync(ViewModel.Filter with { Window = window });

    private Task SetDatesAsync(DateRange? range) => ApplyFilterAsync(ViewModel.Filter with
    {
        From = range?.Start is { } start ? DateOnly.FromDateTime(start) : null,
        To = range?.End is { } end ? DateOnly.FromDateTime(end) : null,
    });

    private Task ClearFiltersAsync() => ApplyFilterAsync(new ExecutionFilter());

    // Events queued before a load are already in what it reads; applied after it, they would show older states.
    private async Task LoadAsync(ExecutionFilter filter)
    {
        _events?.Drain();
        await ViewModel.LoadAsync(filter);
    }

    private async Task ApplyFilterAsync(ExecutionFilter filter)
    {
        await LoadAsync(filter);

        // The address follows the filter so it can be bookmarked; OnParametersSet then sees the same filter and keeps the rows.
        var query = filter.ToQueryString();
        Navigation.NavigateTo("/executions" + (query.Length == 0 ? "" : "?" + query), replace: true);
    }

    private async Task LoadMoreAsync() => await ViewModel.LoadMoreAsync();

    private async Task RefreshAsync()
    {
        // A slow store must not stack refreshes on top of each other.
        if (_events is null || ViewModel.IsLoading || Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var changed = await ViewModel.ApplyAsync(_events.Drain());
            if (changed || ViewModel.AnyRunning)
            {
                StateHasChanged();
            }
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _events?.Dispose();
    }
}
