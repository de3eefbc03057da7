using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Runs Transform steps (see <see cref="TransformJob"/> for the local contract). The model named by ModelName
/// must have been created by a Model step of the same execution: its recorded PrimaryContainer says which
/// image, code and model data to use.
/// </summary>
public sealed class TransformExecutor : JobStepExecutor
{
    public TransformExecutor(IProcessRuntime runtime, ImageCommandMap images)
        : base(runtime, images)
    {
    }

    public override bool CanExecute(string stepType) => stepType == StepTypes.Transform;

    protected override async Task<StepResult> RunAsync(StepContext context, JobServices services, CancellationToken cancellationToken)
    {
        var modelName = JobJson.Text(context.Arguments, "ModelName")
            ?? throw JobFailedException.Client("The transform job has no ModelName.");
        var container = FindContainer(context, modelName) ?? throw JobFailedException.Client(
            $"Model '{modelName}' was not created by a Model step of this execution; the local engine runs only models it created.");
        var jobName = JobNames.Create(context.Execution.Id, context.StepName);
        var properties = await TransformJob.RunAsync(context.Arguments, container, jobName, Contract(context), services, cancellationToken).ConfigureAwait(false);
        return StepResult.Success(properties, ArnMetadata("TransformJob", properties["TransformJobArn"]!.GetValue<string>()));
    }

    private static JsonObject? FindContainer(StepContext context, string modelName)
    {
        foreach (var step in context.Definition.AllSteps.Where(s => s.Type == StepTypes.Model && s.Name is not null))
        {
            if (context.Expressions.StepProperties(step.Name!) is JsonObject properties && JobJson.Text(properties, "ModelName") == modelName)
            {
                return properties["PrimaryContainer"] as JsonObject
                    ?? JsonRead.Objects(properties["Containers"]).FirstOrDefault();
            }
        }

        return null;
    }
}
