using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Steps;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>
/// Runs one execution: a single loop that queues steps whose predecessors all Succeeded (branch children only
/// when their Condition took their branch), starts them up to min(execution cap, free global slots), marks
/// steps behind an untaken branch or a failure NotExecuted, and settles the execution when nothing runs.
/// Only the loop touches the step table; step tasks report back through a channel.
/// </summary>
public sealed partial class ExecutionCoordinator
{
    private readonly PipelineDefinition _definition;
    private readonly PipelineGraph _graph;
    private readonly IReadOnlyList<string> _order;
    private readonly Dictionary<string, StepRecord> _steps;
    private readonly ConcurrentDictionary<string, JsonNode?> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StepResult> _interrupted;
    private readonly Queue<string> _ready = new();
    private readonly HashSet<string> _recheck = new(StringComparer.Ordinal);
    private readonly Channel<StepCompletion> _completions = Channel.CreateUnbounded<StepCompletion>();
    private readonly CancellationTokenSource _stop = new();
    private readonly EngineServices _services;
    private readonly EvaluationContext _expressions;
    private readonly RunStateBatch _changes;
    private readonly TaskCompletionSource<ExecutionRecord> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ExecutionRecord _execution;
    private int _running;
    private bool _firstPass = true;
    private readonly SemaphoreSlim _executionGate = new(1, 1);
    private volatile bool _stopping;
    private bool _settling;

    /// <param name="interrupted">Steps recovery found mid-attempt, with the failed result of that attempt.</param>
    public ExecutionCoordinator(
        ExecutionRecord execution, PipelineDefinition definition, IEnumerable<StepRecord> steps, EngineServices services,
        IReadOnlyDictionary<string, StepResult>? interrupted = null)
    {
        _execution = execution;
        _definition = definition;
        _services = services;
        _graph = PipelineGraph.Build(definition);
        _order = _graph.TopologicalOrder() ?? _graph.Nodes;
        _steps = steps.ToDictionary(s => s.StepName, StringComparer.Ordinal);
        _interrupted = interrupted?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? [];
        foreach (var step in _steps.Values.Where(s => s.Status == StepStatus.Succeeded))
        {
            _properties[step.StepName] = Parse(step.PropertiesJson);
        }

        _changes = services.State.Batch();
        _expressions = ExpressionContexts.ForExecution(execution, definition, services.Artifacts, services.State.Time, _properties);
    }

    public string ExecutionId => _execution.Id;

    /// <summary>Completes with the final execution record.</summary>
    public Task<ExecutionRecord> Completion => _finished.Task;

    /// <summary>Runs the execution to its end on the calling task; the backend starts it on a background task.</summary>
    public async Task RunAsync()
    {
        try
        {
            await LoopAsync().ConfigureAwait(false);
            _finished.TrySetResult(await FinishAsync().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            if (_services.State.IsFrozen)
            {
                _services.Logger.LogInformation("Execution {ExecutionId} was left for the next start: the engine shut down.", _execution.Id);
                _finished.TrySetException(new EngineShutdownException());
                return;
            }

            _services.Logger.LogError(ex, "Execution {ExecutionId} failed inside the engine.", _execution.Id);
            _finished.TrySetException(ex);
        }
    }

    /// <summary>
    /// At shutdown: kills the running steps and ends the loop without storing anything (the publisher is frozen
    /// first), so the stored state is the one the next start resumes from.
    /// </summary>
    public async Task AbandonAsync()
    {
        _stopping = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        _completions.Writer.TryWrite(new StepCompletion(string.Empty, StepResult.Stop("shutdown"), null!, null));
    }

    /// <summary>Moves the execution to Stopping (stored, then announced) and cancels its running steps.</summary>
    public async Task StopAsync()
    {
        await _executionGate.WaitAsync().ConfigureAwait(false);
        try
        {
            // Once the execution is settling, a late stop must not store Stopping over its final state.
            if (_stopping || _settling)
            {
                return;
            }

            _stopping = true;
            _execution = _execution with { Status = ExecutionStatus.Stopping };
            await _services.State.SaveExecutionAsync(_execution).ConfigureAwait(false);
        }
        finally
        {
            _executionGate.Release();
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _completions.Writer.TryWrite(new StepCompletion(string.Empty, StepResult.Stop("stop"), null!, null));
    }

    private async Task LoopAsync()
    {
        var cap = _execution.MaxParallelSteps is > 0 ? _execution.MaxParallelSteps.Value : int.MaxValue;
        while (true)
        {
            var newlyReady = Advance();
            // Steps readied by earlier passes are stored as queued already: they take the free slots while this pass's
            // decisions are being stored, so a slot does not stay empty for a commit (without waiting for a slot,
            // which would hold the decisions back).
            await LaunchReadyAsync(cap, waitForSlots: false).ConfigureAwait(false);
            await _changes.FlushAsync().ConfigureAwait(false);
            foreach (var name in newlyReady)
            {
                _ready.Enqueue(name);
            }

            await LaunchReadyAsync(cap, waitForSlots: true).ConfigureAwait(false);
            if (_running == 0 && (_ready.Count == 0 || _stopping))
            {
                return;
            }

            // Take every completion already there before the next pass, so a burst of short steps costs one pass.
            Complete(await _completions.Reader.ReadAsync().ConfigureAwait(false));
            while (_completions.Reader.TryRead(out var more))
            {
                Complete(more);
            }
        }
    }

    private void Complete(StepCompletion completion)
    {
        var (step, result, record, changes) = completion;
        if (step.Length == 0)
        {
            return; // a wake-up from StopAsync
        }

        _running--;
        _steps[step] = record;
        if (changes is not null)
        {
            // The step's outcome is stored with the decisions it leads to, and announced before them.
            _changes.Append(changes);
        }

        foreach (var edge in _graph.EdgesOutOf(step))
        {
            _recheck.Add(edge.To);
        }

        if (record.Status == StepStatus.Succeeded)
        {
            _properties[step] = result.Properties ?? Parse(record.PropertiesJson);
        }
    }

    /// <summary>
    /// Decides the Pending steps that may have changed: all of them on the first pass, afterwards only the
    /// successors of steps that finished or were skipped (so a large DAG costs O(edges), not O(steps) per completion).
    /// The decisions wait in <see cref="_changes"/>, to be stored together; the steps they make ready are returned, to be
    /// queued once that is done.
    /// </summary>
    private List<string> Advance()
    {
        var candidates = new Queue<string>(_firstPass ? _order : _recheck);
        _firstPass = false;
        _recheck.Clear();
        var ready = new List<string>();
        while (candidates.TryDequeue(out var name))
        {
            if (!_steps.TryGetValue(name, out var record) || record.Status != StepStatus.Pending || record.QueuedAt is not null)
            {
                continue;
            }

            switch (Decide(name))
            {
                case Readiness.Blocked:
                    QueueStep(record with { Status = StepStatus.NotExecuted, QueuedAt = null });
                    foreach (var edge in _graph.EdgesOutOf(name))
                    {
                        candidates.Enqueue(edge.To);
                    }

                    break;
                case Readiness.Ready:
                    QueueStep(record with { QueuedAt = _services.State.Time.GetUtcNow() });
                    ready.Add(name);
                    break;
            }
        }

        return ready;
    }

    /// <summary>Starts queued steps while the execution's cap and the engine's slots allow.</summary>
    /// <param name="waitForSlots">Whether to wait for a slot another execution holds, or to stop at the first taken one.</param>
    private async Task LaunchReadyAsync(int cap, bool waitForSlots)
    {
        while (!_stopping && _ready.Count > 0 && _running < cap)
        {
            if (!waitForSlots)
            {
                if (!_services.GlobalSlots.Wait(0))
                {
                    return;
                }
            }
            else
            {
                try
                {
                    await _services.GlobalSlots.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            Launch(_ready.Dequeue());
        }
    }

    private Readiness Decide(string name)
    {
        var definition = _definition.FindStep(name);
        if (definition is null || _execution.SelectedSteps is { } selected && !selected.Contains(name))
        {
            return Readiness.Blocked;
        }

        var waiting = false;
        foreach (var edge in _graph.EdgesInto(name))
        {
            var status = _steps.TryGetValue(edge.From, out var upstream) ? upstream.Status : StepStatus.NotExecuted;
            if (status.IsFinished() && status != StepStatus.Succeeded)
            {
                return Readiness.Blocked;
            }

            waiting |= status != StepStatus.Succeeded;
        }

        if (waiting)
        {
            return Readiness.Waiting;
        }

        if (definition.Parent is { Name: { } condition } && definition.Branch is { } branch)
        {
            var took = ConditionOutcome(condition);
            return took is null ? Readiness.Waiting
                : took == (branch == ConditionBranch.If) ? Readiness.Ready : Readiness.Blocked;
        }

        return Readiness.Ready;
    }

    private bool? ConditionOutcome(string condition) =>
        _steps.TryGetValue(condition, out var record) && record.Status == StepStatus.Succeeded
            && _properties.GetValueOrDefault(condition) is JsonObject { } properties
            && properties["Outcome"] is JsonValue outcome && outcome.TryGetValue<bool>(out var value)
            ? value
            : null;

    /// <summary>Keeps the record as the step's state; stored and announced at the next flush of <see cref="_changes"/>.</summary>
    private void QueueStep(StepRecord record)
    {
        _steps[record.StepName] = record;
        _changes.SaveStep(record);
    }

    private static JsonNode? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json);

    /// <param name="Changes">The step's last state changes, not stored yet (null when the step saved its own failure).</param>
    private readonly record struct StepCompletion(string Step, StepResult Result, StepRecord Record, RunStateBatch? Changes);

    private enum Readiness
    {
        Waiting,
        Ready,
        Blocked,
    }
}
