using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Components.Pages;

public partial class SweepPage
{
    private static readonly SweepMemberState[] CountedStates =
        [SweepMemberState.Running, SweepMemberState.Pending, SweepMemberState.Succeeded, SweepMemberState.Failed, SweepMemberState.Stopped, SweepMemberState.NotStarted];

    private string? _loaded;
    private RunEventBuffer? _events;
    private IDisposable? _sweepSubscription;
    private ITimer? _timer;
    private int _sweepChanged;
    private int _refreshing;
    private bool _stopping;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject]
    public required ISweepStore Sweeps { get; init; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required IRunEventHub Hub { get; init; }

    [Inject]
    public required SweepRunner Runner { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<SweepPage> Logger { get; init; }

    private SweepDetailViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string Title => ViewModel.Sweep is { } s ? s.DisplayName ?? $"Sweep {s.Id}" : $"Sweep {Id}";

    private string PipelineHref => $"/pipelines/{Uri.EscapeDataString(ViewModel.Sweep?.PipelineName ?? "")}";

    private string PersistenceNote => Sweeps is InMemorySweepStore ? " (sweeps are kept in memory, so a restart forgets them)" : "";

    // Finished members only: a running one's metrics and durations are not final yet.
    private List<string> FinishedExecutions =>
        [.. ViewModel.Members.Where(m => m.Member.IsFinished).Select(m => m.Member.ExecutionId).OfType<string>()];

    private string? CompareHref => FinishedExecutions is { Count: >= ComparisonSelection.MinExecutions } ids ? ComparisonSelection.Href(ids) : null;

    private string CompareTooltip => FinishedExecutions.Count switch
    {
        < ComparisonSelection.MinExecutions => "Comparing needs at least two finished executions",
        > ComparisonSelection.MaxExecutions => $"Compare the first {ComparisonSelection.MaxExecutions} finished executions side by side",
        var n => $"Compare the {n} finished executions side by side",
    };

    private List<BreadcrumbItem> Breadcrumbs => [new("Sweeps", "/sweeps"), new(Title, href: null, disabled: true)];

    protected override void OnInitialized()
    {
        ViewModel = new SweepDetailViewModel(Sweeps, Runs, Logger);
        if (RendererInfo.IsInteractive)
        {
            _events = new RunEventBuffer(Hub, keep: ViewModel.Concerns);
            _timer = Clock.CreateTimer(_ => _ = InvokeAsync(RefreshAsync), null, ExecutionsPage.RefreshInterval, ExecutionsPage.RefreshInterval);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == Id)
        {
            return;
        }

        _loaded = Id;
        _sweepSubscription?.Dispose();
        if (RendererInfo.IsInteractive)
        {
            _sweepSubscription = Runner.Subscribe(Id, _ => Interlocked.Exchange(ref _sweepChanged, 1));
        }

        _events?.Drain();
        await ViewModel.LoadAsync(Id);
    }

    private double Percent(int count) => ViewModel.Total == 0 ? 0 : 100.0 * count / ViewModel.Total;

    private async Task StopAsync()
    {
        _stopping = true;
        try
        {
            await Runner.StopAsync(Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _ = UserFacingErrors.Describe(ex, Logger, "stopping a sweep");
            _stopping = false;
        }
    }

    private async Task RefreshAsync()
    {
        if (_events is null || ViewModel.IsLoading || Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var changed = false;
            if (Interlocked.Exchange(ref _sweepChanged, 0) == 1)
            {
                await ViewModel.RefreshSweepAsync();
                changed = true;
            }

            changed |= ViewModel.Apply(_events.Drain());
            if (changed || ViewModel.Running > 0)
            {
                StateHasChanged();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; a failed refresh must not take the page down.
            _ = UserFacingErrors.Describe(ex, Logger, "refreshing a sweep");
            Interlocked.Exchange(ref _sweepChanged, 1);
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
        _sweepSubscription?.Dispose();
    }
}
