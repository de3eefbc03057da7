using Microsoft.Extensions.Configuration;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class JobExecutorsTests
{
    [Theory]
    [InlineData(StepTypes.Processing, typeof(ProcessingExecutor))]
    [InlineData(StepTypes.Training, typeof(TrainingExecutor))]
    [InlineData(StepTypes.Tuning, typeof(TuningExecutor))]
    [InlineData(StepTypes.Transform, typeof(TransformExecutor))]
    public void Create_EachJobTypeHasExactlyOneExecutor(string stepType, Type executorType)
    {
        var executors = JobExecutors.Create(new ConfigurationBuilder().Build());

        Assert.IsType(executorType, Assert.Single(executors, e => e.CanExecute(stepType)));
    }

    [Fact]
    public void Create_ControlStepTypes_AreLeftToOtherExecutors()
    {
        var executors = JobExecutors.Create(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(executors, e => e.CanExecute(StepTypes.Condition) || e.CanExecute(StepTypes.Model));
    }
}
