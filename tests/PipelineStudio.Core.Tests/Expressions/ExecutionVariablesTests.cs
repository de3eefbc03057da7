using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class ExecutionVariablesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 7, 8, 9, 10, TimeSpan.FromHours(2));

    [Fact]
    public void Create_WithoutJob_GivesSevenMinusJobNames()
    {
        var variables = ExecutionVariables.Create("abc123", "churn", Start);

        Assert.Equal("churn", variables[ExecutionVariables.PipelineName]);
        Assert.Equal("arn:aws:sagemaker:local:000000000000:pipeline/churn", variables[ExecutionVariables.PipelineArn]);
        Assert.Equal("abc123", variables[ExecutionVariables.PipelineExecutionId]);
        Assert.Equal("arn:aws:sagemaker:local:000000000000:pipeline/churn/execution/abc123", variables[ExecutionVariables.PipelineExecutionArn]);
        Assert.Equal("2026-11-29T05:08:09.010Z", variables[ExecutionVariables.StartDateTime]);
        Assert.False(variables.ContainsKey(ExecutionVariables.TrainingJobName));
        Assert.False(variables.ContainsKey(ExecutionVariables.ProcessingJobName));
        Assert.False(variables.ContainsKey(ExecutionVariables.CurrentDateTime));
    }

    [Fact]
    public void Create_WithJob_SetsBothJobNames()
    {
        var variables = ExecutionVariables.Create("abc123", "churn", Start, "pipelines-abc123-Train");

        Assert.Equal("pipelines-abc123-Train", variables[ExecutionVariables.TrainingJobName]);
        Assert.Equal("pipelines-abc123-Train", variables[ExecutionVariables.ProcessingJobName]);
    }

    [Fact]
    public void WithJobName_Null_ClearsJobNamesAndKeepsTheRest()
    {
        var withJob = ExecutionVariables.Create("abc123", "churn", Start, "job");

        var cleared = ExecutionVariables.WithJobName(withJob, null);

        Assert.False(cleared.ContainsKey(ExecutionVariables.TrainingJobName));
        Assert.Equal("abc123", cleared[ExecutionVariables.PipelineExecutionId]);
        Assert.Equal("job", withJob[ExecutionVariables.TrainingJobName]);
    }

    [Fact]
    public void All_HasTheEightSageMakerNames()
    {
        Assert.Equal(8, ExecutionVariables.All.Distinct().Count());
        Assert.True(ExecutionVariables.IsKnown("CurrentDateTime"));
        Assert.False(ExecutionVariables.IsKnown("currentDateTime"));
    }
}
