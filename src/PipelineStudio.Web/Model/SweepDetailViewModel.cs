using System.Collections.Concurrent;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Model;

/// <summary>
/// State of a sweep's page: the sweep, a view of each member with its execution and metrics, and the live
/// changes (from the sweep runner and from the members' run events) applied in batches.
/// </summary>
public sealed class SweepDetailViewModel(ISweepStore sweeps, IRunStore runs, ILogger logger)
{
    /// <summary>Metric columns beyond this many would crowd the table; the first ones found win.</summary>
    public const int MaxMetricColumns = 4;

    private readonly ConcurrentDictionary<string, int> _memberOfExecution = new(StringComparer.Ordinal);
    private List<SweepMemberView> _members = [];

    public bool IsLoading { get; private set; } = true;

    public bool NotFound { get; private set; }

    public string? LoadError { get; private set; }

    public SweepRecord? Sweep { get; private set; }

    public SweepSpec? Spec { get; private set; }

    public IReadOnlyList<SweepMemberView> Members => _members;

    /// <summary>The varied parameters, as columns; from the spec, or every parameter when the spec is unreadable.</summary>
    public IReadOnlyList<string> VariedParameters { get; private set; } = [];

    public IReadOnlyList<string> MetricColumns => _members.SelectMany(m => m.Metrics).Select(m => m.Label).Distinct().Take(MaxMetricColumns).ToList();

    public int Total => _members.Count;

    public int Finished => _members.Count(m => m.Member.IsFinished);

    public int Running => _members.Count(m => m.State == SweepMemberState.Running);

    public int Count(SweepMemberState state) => _members.Count(m => m.State == state);

    public bool IsRunning => Sweep?.Status == SweepStatus.Running;

    /// <summary>Whether a run event belongs to one of this sweep's executions (checked on the engine's threads).</summary>
    public bool Concerns(RunEvent runEvent) => _memberOfExecution.ContainsKey(runEvent.ExecutionId);

    public async Task LoadAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        IsLoading = true;
        try
        {
            Sweep = await sweeps.GetAsync(sweepId, cancellationToken);
            NotFound = Sweep is null;
            if (Sweep is null)
            {
                return;
            }

            Spec = SweepSpecJson.TryDeserialize(Sweep.SpecJson);
            var members = await sweeps.ListMembersAsync(sweepId, cancellationToken);
            VariedParameters = Spec?.Axes.Select(a => a.Parameter).ToList()
                ?? members.SelectMany(m => m.Parameters.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            _members = members.Select(m => new SweepMemberView(m)).ToList();
            foreach (var member in _members)
            {
                await LoadExecutionAsync(member, cancellationToken);
            }

            LoadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "loading a sweep");
        }
        finally
        {
            IsLoading = false;
        }
    }

    /// <summary>Re-reads the sweep and its members after the runner changed them; loads executions that just started.</summary>
    public async Task RefreshSweepAsync(CancellationToken cancellationToken = default)
    {
        if (Sweep is null)
        {
            return;
        }

        Sweep = await sweeps.GetAsync(Sweep.Id, cancellationToken) ?? Sweep;
        foreach (var member in await sweeps.ListMembersAsync(Sweep.Id, cancellationToken))
        {
            var view = _members.Find(m => m.Index == member.Index);
            if (view is null)
            {
                continue;
            }

            var started = member.ExecutionId is not null && view.Member.ExecutionId != member.ExecutionId;
            view.Member = member;
            if (started || (member.IsFinished && view.Execution is { } e && !e.Status.IsFinished()))
            {
                await LoadExecutionAsync(view, cancellationToken);
            }
        }
    }

    /// <summary>Applies the members' run events; returns whether anything visible changed.</summary>
    public bool Apply(IReadOnlyList<RunEvent> events)
    {
        var changed = false;
        foreach (var runEvent in events)
        {
            if (!_memberOfExecution.TryGetValue(runEvent.ExecutionId, out var index))
            {
                continue;
            }

            var view = _members[index];
            switch (runEvent)
            {
                case ExecutionChanged { Execution: var execution }:
                    view.Execution = execution;
                    changed = true;
                    break;
                case StepChanged { Step: var step }:
                    view.Update(step);
                    changed = true;
                    break;
            }
        }

        return changed;
    }

    private async Task LoadExecutionAsync(SweepMemberView view, CancellationToken cancellationToken)
    {
        if (view.Member.ExecutionId is not { } executionId)
        {
            return;
        }

        _memberOfExecution[executionId] = _members.IndexOf(view);
        view.Execution = await runs.GetExecutionAsync(executionId, cancellationToken);
        view.SetSteps(await runs.ListStepsAsync(executionId, cancellationToken));
    }
}
