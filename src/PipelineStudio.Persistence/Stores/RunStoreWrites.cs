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

    /// <summary>Names the record for error messages, e.g. "Step 'Train' of execution 'x1'".</summary>
    public abstract string Describe();

    public abstract void Apply(RunStoreCommands commands);

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception error) => _completion.TrySetException(error);
}

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

    public override void Apply(RunStoreCommands commands) => commands.UpsertStep(step, ordinal: null, pipelineName: null);
}

internal sealed class SaveAttemptWrite(AttemptRecord attempt) : RunStoreWrite
{
    public override string Describe() =>
        $"Attempt {attempt.Attempt} of step '{attempt.StepName}' of execution '{attempt.ExecutionId}'";

    public override void Apply(RunStoreCommands commands) => commands.UpsertAttempt(attempt);
}
