using Microsoft.AspNetCore.Components;
using MudBlazor;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>
/// One execution, live: the graph with step states, the Gantt timeline, the selected step's drawer with its
/// logs, and stop / retry / re-run-from-here. Run events arrive through one throttled hub subscription that
/// lives as long as the page shows this execution.
/// </summary>
public sealed partial class ExecutionPage : IDisposable
{
    /// <summary>How often, at most, run events re-render the page: a new state shows well within a second.</summary>
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the duration and the timeline's "now" move while the execution runs.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private string? _loadedId;
    private LiveRunFeed? _feed;
    private ITimer? _ticker;
    private StepLogTail? _log;
    private bool _followLatestAttempt = true;
    private bool _busy;
    private bool _disposed;

    [Parameter]
    public string Id { get; set; } = "";

    /// <summary>A step to open on load (<c>?step=Train</c>), e.g. from a lineage step run's "Step logs" link.</summary>
    [SupplyParameterFromQuery(Name = "step")]
    public string? Step { get; set; }

    [Inject]
    public required IRunStore Runs { get; init; }

    [Inject]
    public required IPipelineStore Pipelines { get; init; }

    [Inject]
    public required IExecutionBackend Backend { get; init; }

    [Inject]
    public required IRunEventHub Hub { get; init; }

    [Inject]
    public required StepLogReader LogReader { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<ExecutionPage> Logger { get; init; }

    private ExecutionViewModel ViewModel { get; set; } = null!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string Title => ViewModel.Execution is { } e ? $"{e.DisplayName ?? e.Id} · {e.PipelineName}" : $"Execution {Id}";

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Executions", "/executions"),
        new(ViewModel.Execution!.PipelineName, PipelineHref(ViewModel.Execution)),
        new(Id, href: null, disabled: true),
    ];

    private bool LogIsLive => _log is { } log && ViewModel.IsRunning && IsAttemptActive(log.StepName, log.Attempt);

    private string RerunTooltip =>
        ViewModel.SelectedStep is not { } step ? "Select a step in the graph or the timeline first"
        : ViewModel.IsRunning ? "Available once this execution has finished"
        : ViewModel.Graph is null ? "The pipeline version is not available to re-run"
        : $"Start a new execution that runs {step} and everything after it, reusing this execution's other outputs";

    protected override void OnInitialized() => ViewModel = NewViewModel();

    protected override async Task OnParametersSetAsync()
    {
        // Navigating to another execution (e.g. after "Re-run from here") reuses this component.
        if (_loadedId == Id)
        {
            return;
        }

        _loadedId = Id;
        StopLive();
        ViewModel = NewViewModel();
        _log = null;
        _followLatestAttempt = true;

        // Subscribe before reading the snapshot, so a change stored in between is not missed; its event waits
        // in the paused feed and is applied on top of the snapshot. A prerender has no circuit to push to.
        if (RendererInfo.IsInteractive)
        {
            _feed = new LiveRunFeed(Hub, Id, Clock, RenderInterval, OnRunEventsAsync, Logger);
        }

        await ViewModel.LoadAsync(Id);
        if (Step is { Length: > 0 } step && ViewModel.Execution is not null)
        {
            await SelectStepAsync(step);
        }

        _feed?.Resume();
        UpdateTicker();
    }

    public void Dispose()
    {
        _disposed = true;
        StopLive();
    }

    private ExecutionViewModel NewViewModel() => new(Runs, Pipelines, Logger);

    private void StopLive()
    {
        _feed?.Dispose();
        _feed = null;
        _ticker?.Dispose();
        _ticker = null;
    }

    private Task OnRunEventsAsync(IReadOnlyList<RunEvent> batch) => InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }

        var logTouched = false;
        foreach (var runEvent in batch)
        {
            if (runEvent is LogLineAppended line)
            {
                logTouched |= _log?.Matches(line) == true;
            }
            else
            {
                ViewModel.Apply(runEvent);
                logTouched |= runEvent is AttemptChanged attempt && _log is { } log
                    && attempt.Attempt.StepName == log.StepName && attempt.Attempt.Attempt == log.Attempt;
            }
        }

        if (!await FollowLatestAttemptAsync() && logTouched)
        {
            await RefreshLogAsync();
        }

        UpdateTicker();
        StateHasChanged();
    });

    /// <summary>Keeps the drawer on the newest attempt of the step until the user picks one; true when it switched.</summary>
    private async Task<bool> FollowLatestAttemptAsync()
    {
        if (!_followLatestAttempt || ViewModel.SelectedStep is not { } step)
        {
            return false;
        }

        var latest = ViewModel.AttemptsOf(step).LastOrDefault()?.Attempt;
        if (latest is null || latest == _log?.Attempt)
        {
            return false;
        }

        await OpenLogAsync(step, latest.Value);
        return true;
    }

    private void UpdateTicker()
    {
        if (ViewModel.IsRunning && RendererInfo.IsInteractive && _ticker is null && !_disposed)
        {
            _ticker = Clock.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                if (!_disposed)
                {
                    StateHasChanged();
                }
            }), null, TickInterval, TickInterval);
        }
        else if (!ViewModel.IsRunning && _ticker is not null)
        {
            _ticker.Dispose();
            _ticker = null;
        }
    }

    private async Task SelectStepAsync(string? step)
    {
        ViewModel.SelectStep(step);
        _followLatestAttempt = true;
        _log = null;
        if (ViewModel.SelectedStep is { } selected && ViewModel.AttemptsOf(selected).LastOrDefault() is { } latest)
        {
            await OpenLogAsync(selected, latest.Attempt);
        }
    }

    private async Task ShowAttemptAsync(int attempt)
    {
        if (ViewModel.SelectedStep is not { } step)
        {
            return;
        }

        // Picking the newest attempt resumes following new attempts; picking an older one stays on it.
        _followLatestAttempt = attempt == ViewModel.AttemptsOf(step).LastOrDefault()?.Attempt;
        await OpenLogAsync(step, attempt);
    }

    private async Task OpenLogAsync(string step, int attempt)
    {
        _log = new StepLogTail(LogReader, Id, step, attempt);
        await RefreshLogAsync();
    }

    private async Task RefreshLogAsync()
    {
        if (_log is not { } log)
        {
            return;
        }

        try
        {
            await log.RefreshAsync(attemptRunning: IsAttemptActive(log.StepName, log.Attempt));
        }
        catch (IOException ex)
        {
            Snackbar.Add($"Could not read the log of {log.StepName}: {ex.Message}", Severity.Warning);
        }
    }

    private bool IsAttemptActive(string step, int attempt) =>
        ViewModel.AttemptsOf(step).FirstOrDefault(a => a.Attempt == attempt) is { } record && record.EndedAt is null && record.Status.IsActive();

    private static string PipelineHref(ExecutionRecord execution) =>
        $"/pipelines/{Uri.EscapeDataString(execution.PipelineName)}?version={execution.PipelineVersion}";

    private static string ExecutionHref(string id) => $"/executions/{Uri.EscapeDataString(id)}";

    private static string DurationTitle(ExecutionRecord execution) =>
        $"Started {RunTimes.Exact(execution.CreatedAt)}" + (execution.EndedAt is { } ended ? $"\nEnded {RunTimes.Exact(ended)}" : "\nStill running");

    private static string ParameterPreview(ExecutionRecord execution)
    {
        var text = string.Join(", ", execution.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return text.Length > 120 ? text[..119] + "…" : text;
    }
}
