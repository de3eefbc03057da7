namespace PipelineStudio.Engine.Steps;

/// <summary>The executors the engine has; a step type no executor handles cannot run locally.</summary>
public sealed class StepExecutorRegistry(IEnumerable<IStepExecutor> executors)
{
    private readonly IReadOnlyList<IStepExecutor> _executors = executors.ToList();

    public IStepExecutor? Find(string? stepType) =>
        stepType is null ? null : _executors.FirstOrDefault(e => e.CanExecute(stepType));

    public bool CanRun(string? stepType) => Find(stepType) is not null;
}
