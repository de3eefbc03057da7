using PipelineStudio.Core.Runs;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// One queued write: what it does on the writer connection and the caller's task, completed after COMMIT.
/// JSON is serialized by the caller, off the single writer thread.
/// </summary>
internal abstract class RunStoreWrite
{
    // Continuations run on the thread pool, never inline on the writer loop, which must go back to draining.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _completion.Task;

    /// <summary>
    /// The row this write replaces wholesale (every state column), or null. Two writes with the same key in one
    /// transaction need only the later one: nobody can see the row between them.
    /// </summary>
    public virtual WriteKey? Key => null;

    /// <summary>Names the record for error messages, e.g. "Step 'Train' of execution 'x1'".</summary>
    public abstract string Describe();

    public abstract void Apply(RunStoreCommands commands);

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>
    /// The writes one transaction has to apply: of several writes to the same row, only the last one's values, put
    /// where the first one was (so a row is still inserted before the writes after it, e.g. its attempts, and new
    /// rows keep their order). A step going Starting, Executing and on within one group commit is one UPDATE.
    /// </summary>
    /// <param name="writes">The writes in queue order.</param>
    /// <param name="latest">Scratch space the caller may reuse between calls (the writer loop does); left empty.</param>
    public static IReadOnlyList<RunStoreWrite> Coalesce(IReadOnlyList<RunStoreWrite> writes, Dictionary<WriteKey, RunStoreWrite>? latest = null)
    {
        if (writes.Count < 2)
        {
            return writes;
        }

        latest ??= [];
        var keyed = 0;
        foreach (var write in writes)
        {
            if (write.Key is { } key)
            {
                keyed++;
                latest[key] = write;
            }
        }

        if (latest.Count == keyed)
        {
            latest.Clear();
            return writes;
        }

        var applied = new List<RunStoreWrite>(writes.Count - keyed + latest.Count);
        foreach (var write in writes)
        {
            if (write.Key is not { } key)
            {
                applied.Add(write);
            }
            else if (latest.Remove(key, out var last))
            {
                applied.Add(last);
            }
        }

        return applied;
    }
}

/// <summary>Identifies a run store row: a step, or (with <paramref name="Attempt"/>) one attempt of a step.</summary>
internal readonly record struct WriteKey(string ExecutionId, string StepName, int? Attempt);

internal sealed class CreateExecutionWrite(ExecutionRecord execution, IReadOnlyList<StepRecord> steps) : RunStoreWrite
{
    private readonly string _parametersJson = RunRecordMapping.ParametersToJson(execution.Parameters);
    private readonly string? _selectedStepsJson = RunRecordMapping.SelectedStepsToJson(execution.SelectedSteps);

    public override string Describe() => $"New execution '{execution.Id}' of pipeline '{execution.PipelineName}'";

    public override void Apply(RunStoreCommands commands)
    {
        commands.InsertExecution(execution, _parametersJson, _selectedStepsJson);
        for (var ordinal = 0; ordinal < steps.Count; ordinal++)
        {
            commands.UpsertStep(steps[ordinal], ordinal, execution.PipelineName);
        }
    }
}

internal sealed class SaveExecutionWrite(ExecutionRecord execution) : RunStoreWrite
{
    private readonly string _parametersJson = RunRecordMapping.ParametersToJson(execution.Parameters);
    private readonly string? _selectedStepsJson = RunRecordMapping.SelectedStepsToJson(execution.SelectedSteps);

    public override string Describe() => $"Execution '{execution.Id}'";

    public override void Apply(RunStoreCommands commands) =>
        commands.UpsertExecution(execution, _parametersJson, _selectedStepsJson);
}

internal sealed class SaveStepWrite(StepRecord step) : RunStoreWrite
{
    public override string Describe() => $"Step '{step.StepName}' of execution '{step.ExecutionId}'";

    public override WriteKey? Key => new WriteKey(step.ExecutionId, step.StepName, null);

    public override void Apply(RunStoreCommands commands) => commands.UpsertStep(step, ordinal: null, pipelineName: null);
}

internal sealed class SaveAttemptWrite(AttemptRecord attempt) : RunStoreWrite
{
    public override string Describe() =>
        $"Attempt {attempt.Attempt} of step '{attempt.StepName}' of execution '{attempt.ExecutionId}'";

    public override WriteKey? Key => new WriteKey(attempt.ExecutionId, attempt.StepName, attempt.Attempt);

    public override void Apply(RunStoreCommands commands) => commands.UpsertAttempt(attempt);
}
