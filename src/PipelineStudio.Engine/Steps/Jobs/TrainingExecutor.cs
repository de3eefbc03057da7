using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>Runs Training steps in script mode (see <see cref="TrainingJob"/>); properties are DescribeTrainingJob-shaped.</summary>
public sealed class TrainingExecutor : JobStepExecutor
{
    public TrainingExecutor(IProcessRuntime runtime, ImageCommandMap images)
        : base(runtime, images)
    {
    }

    public override bool CanExecute(string stepType) => stepType == StepTypes.Training;

    protected override async Task<StepResult> RunAsync(StepContext context, JobServices services, CancellationToken cancellationToken)
    {
        var jobName = JobName(context, TrainingJobNameVariable);
        var result = await TrainingJob.RunAsync(context.Arguments, jobName, Contract(context), services, cancellationToken).ConfigureAwait(false);
        return StepResult.Success(result.Properties, ArnMetadata("TrainingJob", result.Properties["TrainingJobArn"]!.GetValue<string>()));
    }
}
