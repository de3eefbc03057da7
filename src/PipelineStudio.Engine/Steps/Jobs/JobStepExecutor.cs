using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Base of the executors that run local jobs: turns <see cref="JobFailedException"/> and unexpected IO errors
/// into failed <see cref="StepResult"/>s, so nothing but cancellation leaves <see cref="ExecuteAsync"/> as an exception.
/// </summary>
public abstract class JobStepExecutor : IStepExecutor
{
    /// <summary>Names of the execution variables holding the current job's name.</summary>
    protected const string TrainingJobNameVariable = ExecutionVariables.TrainingJobName;

    protected const string ProcessingJobNameVariable = ExecutionVariables.ProcessingJobName;

    protected JobStepExecutor(IProcessRuntime runtime, ImageCommandMap images)
    {
        Runtime = runtime;
        Images = images;
    }

    protected IProcessRuntime Runtime { get; }

    protected ImageCommandMap Images { get; }

    public abstract bool CanExecute(string stepType);

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var services = new JobServices(context.Artifacts, Runtime, Images, context.Time, context.Log.Write);
        try
        {
            return await RunAsync(context, services, cancellationToken).ConfigureAwait(false);
        }
        catch (JobFailedException ex)
        {
            services.Note("Failed: " + ex.Message);
            return StepResult.Failure(ex.Message, ex.Kind);
        }
        catch (ArgumentException ex)
        {
            // A value the job cannot use that no earlier check named (e.g. a malformed path): the job is wrong as written.
            services.Note("Failed: " + ex.Message);
            return StepResult.Failure($"The job's arguments cannot be used: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            services.Note("Failed: " + ex.Message);
            return StepResult.Failure($"The local job's workspace could not be prepared: {ex.Message}", FailureKinds.ServiceFault);
        }
    }

    protected abstract Task<StepResult> RunAsync(StepContext context, JobServices services, CancellationToken cancellationToken);

    /// <summary>
    /// The job's name: the one the engine put in the step's execution variables (so <c>Execution.TrainingJobName</c>
    /// and the job agree), else a new <c>pipelines-&lt;execution&gt;-&lt;step&gt;-&lt;random&gt;</c>.
    /// </summary>
    protected static string JobName(StepContext context, string variable) =>
        context.Expressions.ExecutionVariables.TryGetValue(variable, out var name) && !string.IsNullOrEmpty(name)
            ? name
            : JobNames.Create(context.Execution.Id, context.StepName);

    protected static ContainerContract Contract(StepContext context) => new(context.Workspace);

    /// <summary>ListPipelineExecutionSteps metadata of a job step: <c>{"&lt;Kind&gt;": {"Arn": ...}}</c>.</summary>
    protected static JsonObject ArnMetadata(string kind, string arn) =>
        new() { [kind] = new JsonObject { ["Arn"] = arn } };
}
