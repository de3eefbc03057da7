using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>What loading an execution page found.</summary>
public enum ExecutionLoadState
{
    Loading,
    Loaded,
    NotFound,
    Failed,
}

/// <summary>
/// State of an execution page: a snapshot from the run store, kept current by run events (the newest record
/// of each execution, step and attempt wins by event sequence), the pipeline version it ran, and the selected step.
/// </summary>
public sealed class ExecutionViewModel(IRunStore runs, IPipelineStore pipelines, ILogger logger)
{
    private readonly Dictionary<string, StepRecord> _steps = new(StringComparer.Ordinal);
    private readonly List<string> _stepOrder = [];
    private readonly Dictionary<string, SortedList<int, AttemptRecord>> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _stepSequences = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Step, int Attempt), long> _attemptSequences = [];
    private long _executionSequence;
    private Dictionary<string, StepRunState>? _runStates;

    public ExecutionLoadState State { get; private set; } = ExecutionLoadState.Loading;

    public string? LoadError { get; private set; }

    public ExecutionRecord? Execution { get; private set; }

    /// <summary>The definition of the version that ran; null when that version cannot be read any more.</summary>
    public PipelineDefinition? Definition { get; private set; }

    public PipelineGraph? Graph { get; private set; }

    /// <summary>Why there is no graph, in user words; null when there is one.</summary>
    public string? DefinitionProblem { get; private set; }

    /// <summary>Steps in definition order.</summary>
    public IReadOnlyList<StepRecord> Steps => _stepOrder.Select(name => _steps[name]).ToList();

    public string? SelectedStep { get; private set; }

    public StepRecord? SelectedRecord => SelectedStep is { } name ? FindStep(name) : null;

    /// <summary>Each step's state for the live graph; a new dictionary only after a step changed.</summary>
    public IReadOnlyDictionary<string, StepRunState> RunStates =>
        _runStates ??= _steps.ToDictionary(p => p.Key, p => StepRunState.From(p.Value), StringComparer.Ordinal);

    public bool IsRunning => Execution is { } e && !e.Status.IsFinished();

    public bool CanStop => Execution?.Status == ExecutionStatus.Executing;

    /// <summary>
    /// Failed or Stopped, and not ended by a Fail step (the engine refuses those: the Fail step would fail again).
    /// The engine stays the judge; this only keeps the button from offering what it would refuse.
    /// </summary>
    public bool CanRetry =>
        Execution?.Status is ExecutionStatus.Failed or ExecutionStatus.Stopped
        && !_steps.Values.Any(s => s.StepType == StepTypes.Fail && s.Status == StepStatus.Failed);

    /// <summary>A new run from a step needs the finished outputs of everything upstream, and the graph to know what is downstream.</summary>
    public bool CanRerunFrom(string? step) =>
        step is not null && Execution is { } e && e.Status.IsFinished() && Graph is not null && _steps.ContainsKey(step);

    public async Task LoadAsync(string executionId, CancellationToken cancellationToken = default)
    {
        State = ExecutionLoadState.Loading;
        try
        {
            var execution = await runs.GetExecutionAsync(executionId, cancellationToken);
            if (execution is null)
            {
                State = ExecutionLoadState.NotFound;
                return;
            }

            Execution = execution;
            foreach (var step in await runs.ListStepsAsync(executionId, cancellationToken))
            {
                PutStep(step);
            }

            // One read for every step's attempts: a read per step was a third of the page's database time.
            foreach (var attempt in await runs.ListAttemptsOfExecutionAsync(executionId, cancellationToken))
            {
                PutAttempt(attempt);
            }

            await LoadDefinitionAsync(execution, cancellationToken);
            State = ExecutionLoadState.Loaded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "loading an execution");
            State = ExecutionLoadState.Failed;
        }
    }

    /// <summary>
    /// Applies one event if it is newer than what is shown. Records read from the snapshot count as older than
    /// any event, so an event that raced the snapshot read can briefly show an older state; the next event of
    /// the same record (every stored change is announced) puts it right. Returns whether anything shown changed.
    /// </summary>
    public bool Apply(RunEvent runEvent)
    {
        if (Execution is null || runEvent.ExecutionId != Execution.Id)
        {
            return false;
        }

        switch (runEvent)
        {
            case ExecutionChanged changed when changed.Sequence > _executionSequence:
                _executionSequence = changed.Sequence;
                Execution = changed.Execution;
                return true;
            case StepChanged changed when changed.Sequence > _stepSequences.GetValueOrDefault(changed.Step.StepName):
                _stepSequences[changed.Step.StepName] = changed.Sequence;
                PutStep(changed.Step);
                return true;
            case AttemptChanged changed when changed.Sequence > _attemptSequences.GetValueOrDefault((changed.Attempt.StepName, changed.Attempt.Attempt)):
                _attemptSequences[(changed.Attempt.StepName, changed.Attempt.Attempt)] = changed.Sequence;
                PutAttempt(changed.Attempt);
                return true;
            default:
                return false;
        }
    }

    public StepRecord? FindStep(string name) => _steps.GetValueOrDefault(name);

    /// <summary>The step's attempts in attempt order.</summary>
    public IReadOnlyList<AttemptRecord> AttemptsOf(string step) =>
        _attempts.TryGetValue(step, out var attempts) ? [.. attempts.Values] : [];

    /// <summary>Selects a step (its drawer opens); null or an unknown name closes it.</summary>
    public void SelectStep(string? name) => SelectedStep = name is not null && _steps.ContainsKey(name) ? name : null;

    public ExecutionTimelineModel BuildTimeline(DateTimeOffset now) =>
        ExecutionTimelineBuilder.Build(Execution!, Steps, AttemptsOf, Graph, now);

    /// <summary>From creation to the end, or to now while it runs.</summary>
    public TimeSpan Duration(DateTimeOffset now) =>
        Execution is not { } e ? TimeSpan.Zero : (e.EndedAt ?? (e.Status.IsFinished() ? e.CreatedAt : now)) - e.CreatedAt;

    /// <summary>The step's Arguments as written in the definition (expressions not evaluated); null when it has none.</summary>
    public string? ArgumentsJsonOf(string step) =>
        Definition?.FindStep(step)?.Arguments is { } arguments ? DefinitionJson.Write(arguments, indented: true) : null;

    /// <summary>The steps a re-run from <paramref name="step"/> executes: it and everything downstream, in graph order.</summary>
    public IReadOnlyList<string> RerunSteps(string step)
    {
        if (Graph is null)
        {
            return [];
        }

        var selected = Graph.Downstream(step).Append(step).ToHashSet(StringComparer.Ordinal);
        return (Graph.TopologicalOrder() ?? Graph.Nodes).Where(selected.Contains).ToList();
    }

    /// <summary>
    /// A selective run of the same version and parameters that executes <paramref name="step"/> and what follows it,
    /// and takes everything else's outputs from this execution.
    /// </summary>
    public StartExecutionRequest RerunRequest(string step)
    {
        var execution = Execution ?? throw new InvalidOperationException("No execution is loaded.");
        return new StartExecutionRequest(
            execution.PipelineName, execution.Parameters, execution.PipelineVersion,
            MaxParallelSteps: execution.MaxParallelSteps,
            Selective: new SelectiveExecution(RerunSteps(step), execution.Id));
    }

    private void PutStep(StepRecord step)
    {
        if (!_steps.ContainsKey(step.StepName))
        {
            _stepOrder.Add(step.StepName);
        }

        _steps[step.StepName] = step;
        _runStates = null;
    }

    private void PutAttempt(AttemptRecord attempt)
    {
        if (!_attempts.TryGetValue(attempt.StepName, out var attempts))
        {
            _attempts[attempt.StepName] = attempts = [];
        }

        attempts[attempt.Attempt] = attempt;
    }

    private async Task LoadDefinitionAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var version = await pipelines.GetVersionAsync(execution.PipelineName, execution.PipelineVersion, cancellationToken);
        if (version is null)
        {
            DefinitionProblem = $"Version {execution.PipelineVersion} of pipeline “{execution.PipelineName}” is no longer in the studio, so its graph cannot be drawn.";
            return;
        }

        Definition = DefinitionValidator.Validate(version.DefinitionJson).Definition;
        if (Definition is null)
        {
            DefinitionProblem = $"The definition of “{execution.PipelineName}” version {execution.PipelineVersion} cannot be read, so its graph cannot be drawn.";
            return;
        }

        Graph = PipelineGraph.Build(Definition);
    }
}
