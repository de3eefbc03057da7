using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Descriptors;

public class ExpressionChoicesTests
{
    private static readonly PipelineDefinition Churn =
        PipelineDefinition.Parse(SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample)).Definition!;

    [Fact]
    public void For_FirstStep_OffersParametersAndExecutionVariablesButNoSteps()
    {
        var choices = ExpressionChoices.For(Churn, "GenerateCustomers");

        Assert.Contains(choices, c => c.Path == "Parameters.Seed" && c.Detail == "Integer = 42");
        Assert.Equal(8, choices.Count(c => c.Source == ExpressionSource.ExecutionVariable));
        Assert.DoesNotContain(choices, c => c.Source is ExpressionSource.StepProperty or ExpressionSource.PropertyFile);
    }

    [Fact]
    public void For_Evaluate_OffersOnlyUpstreamStepsWithTheirActualOutputNames()
    {
        var paths = ExpressionChoices.For(Churn, "EvaluateChurnModel").Select(c => c.Path).ToList();

        Assert.Contains("Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri", paths);
        Assert.Contains("Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['batch'].S3Output.S3Uri", paths);
        Assert.Contains("Steps.GenerateCustomers.ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri", paths);
        Assert.Contains("Steps.TuneChurnModel.BestTrainingJob.TrainingJobName", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.EvaluateChurnModel.", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.CheckChurnAuc.", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("Outputs['evaluation']", StringComparison.Ordinal));
    }

    [Fact]
    public void For_BranchStep_SeesTheConditionAndItsUpstreamButNotTheOtherBranch()
    {
        var choices = ExpressionChoices.For(Churn, "ScoreTestCustomers");
        var paths = choices.Select(c => c.Path).ToList();

        Assert.Contains("Steps.CheckChurnAuc.Outcome", paths);
        Assert.Contains("Steps.CreateChurnModel-CreateModel.ModelName", paths);
        Assert.Contains(choices, c => c.Source == ExpressionSource.PropertyFile && c.Path == "Steps.EvaluateChurnModel.PropertyFiles.ChurnEvaluation");
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.ChurnAucTooLow", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("Steps.ScoreTestCustomers", StringComparison.Ordinal));
    }

    [Fact]
    public void For_EveryOfferedStepPath_PassesTheValidatorsPropertyCheck()
    {
        foreach (var step in Churn.AllSteps)
        {
            foreach (var choice in ExpressionChoices.For(Churn, step.Name!).Where(c => c.Source == ExpressionSource.StepProperty))
            {
                var source = Churn.FindStep(choice.StepName!)!;
                var property = choice.Path[$"Steps.{source.Name}.".Length..];
                Assert.Null(StepProperties.Check(source, property));
            }
        }
    }

    [Fact]
    public void For_UnknownStep_OffersNoStepProperties()
    {
        var choices = ExpressionChoices.For(Churn, "NoSuchStep");

        Assert.DoesNotContain(choices, c => c.Source == ExpressionSource.StepProperty);
    }

    [Fact]
    public void ToExpression_IsAGet() =>
        Assert.Equal("""{"Get":"Parameters.Seed"}""", new ExpressionChoice(ExpressionSource.Parameter, "Parameters.Seed", "", null).ToExpression().ToJsonString());

    [Theory]
    [InlineData("""{"Get":"Parameters.Seed"}""", "Parameters.Seed")]
    [InlineData("""{"Std:Join":{"On":"/","Values":["s3://b",{"Get":"Execution.PipelineExecutionId"},3]}}""", "Join(\"/\", \"s3://b\", Execution.PipelineExecutionId, 3)")]
    [InlineData("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.E.PropertyFiles.R"},"Path":"mse"}}""", "JsonGet(Steps.E.PropertyFiles.R, \"mse\")")]
    [InlineData("""{"Other":1}""", """{"Other":1}""")]
    public void Describe_ReadsLikeAFormula(string json, string expected) =>
        Assert.Equal(expected, ExpressionText.Describe(JsonNode.Parse(json)));

    [Fact]
    public void Builders_WriteTheSdkShapes()
    {
        var join = ExpressionText.Join("/", [JsonValue.Create("s3://b"), new JsonObject { ["Get"] = "Execution.PipelineExecutionId" }]);
        var jsonGet = ExpressionText.JsonGetFromPropertyFile("Steps.E.PropertyFiles.R", "a.b");

        Assert.Equal("""{"Std:Join":{"On":"/","Values":["s3://b",{"Get":"Execution.PipelineExecutionId"}]}}""", join.ToJsonString());
        Assert.Equal("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.E.PropertyFiles.R"},"Path":"a.b"}}""", jsonGet.ToJsonString());
    }
}
