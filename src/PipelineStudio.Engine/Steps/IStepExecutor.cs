namespace PipelineStudio.Engine.Steps;

/// <summary>
/// Runs one attempt of one step type. Executors return failures as a <see cref="StepResult"/> (never throw for
/// bad input); the middleware around them records states, logs, timing, retries and the cache.
/// </summary>
public interface IStepExecutor
{
    /// <summary>Whether this executor runs steps of the type (a StepTypes constant).</summary>
    bool CanExecute(string stepType);

    Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}
