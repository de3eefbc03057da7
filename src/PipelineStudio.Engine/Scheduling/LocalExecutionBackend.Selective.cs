using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>Selective runs and retries.</summary>
public sealed partial class LocalExecutionBackend
{
    public async Task<ExecutionRecord> RetryAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var execution = await store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false)
            ?? throw new ExecutionNotFoundException($"Execution '{executionId}' does not exist.");
        if (execution.Status is not (ExecutionStatus.Failed or ExecutionStatus.Stopped) || _running.ContainsKey(executionId))
        {
            throw new ExecutionRefusedException([$"Execution '{executionId}' is {execution.Status}; only Failed or Stopped executions can be retried."]);
        }

        var steps = await store.ListStepsAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (steps.FirstOrDefault(s => s.StepType == StepTypes.Fail && s.Status == StepStatus.Failed) is { } fail)
        {
            throw new ExecutionRefusedException([$"Execution '{executionId}' ended at Fail step '{fail.StepName}' and cannot be retried."]);
        }

        var (_, definition) = await LoadAsync(execution.PipelineName, execution.PipelineVersion, cancellationToken).ConfigureAwait(false);
        execution = execution with { Status = ExecutionStatus.Executing, EndedAt = null, FailureReason = null };
        await services.State.SaveExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        if (!await leases.TryTakeAsync(executionId, execution.OwnerId, instance.Id, LeaseEnd(), cancellationToken).ConfigureAwait(false))
        {
            throw new ExecutionRefusedException([$"Execution '{executionId}' was taken over by another engine while it was being retried."]);
        }

        execution = execution with { OwnerId = instance.Id };

        // Everything not Succeeded goes back to Pending; the coordinator decides again which branch and
        // selection rules keep NotExecuted, so only failed and stopped steps (and what waited on them) rerun.
        var reset = new List<StepRecord>();
        foreach (var step in steps)
        {
            var record = step.Status == StepStatus.Succeeded ? step
                : step with { Status = StepStatus.Pending, QueuedAt = null, StartedAt = null, EndedAt = null, FailureReason = null };
            if (!ReferenceEquals(record, step))
            {
                await services.State.SaveStepAsync(record, cancellationToken).ConfigureAwait(false);
            }

            reset.Add(record);
        }

        Run(new ExecutionCoordinator(execution, definition, reset, services));
        return execution;
    }

    private async Task<(ExecutionRecord, IReadOnlyList<StepRecord>)> PlanSelectiveAsync(
        ExecutionRecord execution, PipelineDefinition definition, SelectiveExecution selective, CancellationToken cancellationToken)
    {
        var selected = selective.SelectedSteps.Distinct(StringComparer.Ordinal).ToList();
        var problems = selected.Where(s => definition.FindStep(s) is null)
            .Select(s => $"Selected step '{s}' does not exist in pipeline '{execution.PipelineName}'.").ToList();
        if (selected.Count == 0)
        {
            problems.Add("A selective run needs at least one selected step.");
        }

        if (problems.Count > 0)
        {
            throw new ExecutionRefusedException(problems);
        }

        var graph = PipelineGraph.Build(definition);
        var upstream = selected.SelectMany(graph.Upstream).Where(s => !selected.Contains(s)).ToHashSet(StringComparer.Ordinal);
        var sourceId = selective.SourceExecutionId;
        if (sourceId is null && upstream.Count > 0)
        {
            var newest = await store.ListExecutionsAsync(new ExecutionQuery(PipelineName: execution.PipelineName, Limit: 1), cancellationToken).ConfigureAwait(false);
            sourceId = newest.FirstOrDefault()?.Id
                ?? throw new ExecutionRefusedException([$"The selected steps need outputs of {string.Join(", ", upstream.Order())}, and pipeline '{execution.PipelineName}' has no earlier execution to take them from."]);
        }

        var sourceSteps = sourceId is null ? []
            : (await store.ListStepsAsync(sourceId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.StepName, StringComparer.Ordinal);
        var records = new List<StepRecord>();
        foreach (var step in StepNames(definition))
        {
            var name = step.Name!;
            if (selected.Contains(name))
            {
                records.Add(new StepRecord(execution.Id, name, step.Type!, StepStatus.Pending));
            }
            else if (upstream.Contains(name))
            {
                if (sourceSteps.GetValueOrDefault(name) is not { Status: StepStatus.Succeeded } source)
                {
                    problems.Add($"Step '{name}' is needed by the selected steps but did not succeed in execution '{sourceId}'.");
                    continue;
                }

                records.Add(source with
                {
                    ExecutionId = execution.Id, AttemptCount = 0, CacheHitSourceExecutionId = null, SelectiveSourceExecutionId = sourceId,
                });
            }
            else
            {
                records.Add(new StepRecord(execution.Id, name, step.Type!, StepStatus.NotExecuted));
            }
        }

        if (problems.Count > 0)
        {
            throw new ExecutionRefusedException(problems);
        }

        return (execution with { SourceExecutionId = sourceId, SelectedSteps = selected }, records);
    }
}
