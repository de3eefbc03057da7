using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>Runs Processing steps as local processes (see <see cref="ProcessingJob"/>); properties are DescribeProcessingJob-shaped.</summary>
public sealed class ProcessingExecutor : JobStepExecutor
{
    public ProcessingExecutor(IProcessRuntime runtime, ImageCommandMap images)
        : base(runtime, images)
    {
    }

    public override bool CanExecute(string stepType) => stepType == StepTypes.Processing;

    protected override async Task<StepResult> RunAsync(StepContext context, JobServices services, CancellationToken cancellationToken)
    {
        var jobName = JobName(context, ProcessingJobNameVariable);
        var properties = await ProcessingJob.RunAsync(context.Arguments, jobName, Contract(context), services, cancellationToken).ConfigureAwait(false);
        return StepResult.Success(properties, ArnMetadata("ProcessingJob", properties["ProcessingJobArn"]!.GetValue<string>()));
    }
}
