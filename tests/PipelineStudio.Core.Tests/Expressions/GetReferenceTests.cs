using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class GetReferenceTests
{
    [Fact]
    public async Task EvaluateAsync_TreeWithReferences_ReturnsNewTreeAndLeavesInputAlone()
    {
        var input = JsonNode.Parse("""{"A":[1,{"Get":"Parameters.Epochs"}],"B":{"C":"x","D":null}}""");
        var before = input!.ToJsonString();

        var result = await ExpressionEvaluator.EvaluateAsync(input, Context());

        Assert.Equal("""{"A":[1,10],"B":{"C":"x","D":null}}""", Text(result));
        Assert.Equal(before, input.ToJsonString());
        Assert.NotSame(input["B"], result!["B"]);
        Assert.Null(result.Parent);
    }

    [Theory]
    [InlineData("Epochs", "10")]
    [InlineData("LearningRate", "0.1")]
    [InlineData("Enabled", "true")]
    [InlineData("Region", "\"eu-west-1\"")]
    public async Task EvaluateAsync_GetParameter_KeepsItsJsonType(string name, string expected)
    {
        Assert.Equal(expected, Text(await EvaluateAsync($$"""{"Get":"Parameters.{{name}}"}""")));
    }

    [Fact]
    public async Task EvaluateAsync_GetParameterTwice_GivesIndependentNodes()
    {
        var result = await EvaluateAsync("""[{"Get":"Parameters.Region"},{"Get":"Parameters.Region"}]""");

        Assert.Equal("""["eu-west-1","eu-west-1"]""", Text(result));
    }

    [Fact]
    public async Task EvaluateAsync_UnknownParameter_NamesItAndWhere()
    {
        var ex = await FailsAsync("""{"Image":{"Get":"Parameters.Missing"}}""");

        Assert.Equal("'Parameters.Missing': the execution has no parameter 'Missing'.", ex.Problem);
        Assert.Equal("$.Steps[0].Arguments.Image", ex.JsonPath);
        Assert.EndsWith("(at $.Steps[0].Arguments.Image)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PipelineName", "churn")]
    [InlineData("PipelineArn", "arn:aws:sagemaker:local:000000000000:pipeline/churn")]
    [InlineData("PipelineExecutionId", "exec1")]
    [InlineData("PipelineExecutionArn", "arn:aws:sagemaker:local:000000000000:pipeline/churn/execution/exec1")]
    [InlineData("StartDateTime", "2026-01-02T03:04:05.678Z")]
    [InlineData("CurrentDateTime", "2026-01-02T03:09:05.678Z")]
    public async Task EvaluateAsync_GetExecutionVariable_GivesItsValue(string name, string expected)
    {
        var result = await EvaluateAsync($$"""{"Get":"Execution.{{name}}"}""");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Fact]
    public async Task EvaluateAsync_CurrentDateTime_IsReadAtEachEvaluation()
    {
        var time = new FixedTime(Start);
        var context = Context(time);
        var first = await EvaluateAsync("""{"Get":"Execution.CurrentDateTime"}""", context);
        time.Now = Start.AddHours(1);

        var second = await EvaluateAsync("""{"Get":"Execution.CurrentDateTime"}""", context);

        Assert.Equal("2026-01-02T03:04:05.678Z", first!.GetValue<string>());
        Assert.Equal("2026-01-02T04:04:05.678Z", second!.GetValue<string>());
    }

    [Theory]
    [InlineData("TrainingJobName")]
    [InlineData("ProcessingJobName")]
    public async Task EvaluateAsync_JobNameOutsideAJob_Throws(string name)
    {
        var ex = await FailsAsync($$"""{"Get":"Execution.{{name}}"}""");

        Assert.Contains($"{name} is set only while a step runs a job", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_JobNameInsideAJob_GivesTheJobName()
    {
        var context = Context();
        context = context with { ExecutionVariables = ExecutionVariables.WithJobName(context.ExecutionVariables, "pipelines-exec1-Train") };

        var result = await EvaluateAsync("""["a",{"Get":"Execution.TrainingJobName"},{"Get":"Execution.ProcessingJobName"}]""", context);

        Assert.Equal("""["a","pipelines-exec1-Train","pipelines-exec1-Train"]""", Text(result));
    }

    [Fact]
    public async Task EvaluateAsync_UnknownExecutionVariable_ListsTheKnownOnes()
    {
        var ex = await FailsAsync("""{"Get":"Execution.Nope"}""");

        Assert.Contains("'Nope' is not an execution variable (they are: StartDateTime, CurrentDateTime,", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri", "\"s3://b/train\"")]
    [InlineData("Steps.Train.FinalMetricDataList['val:auc'].Value", "0.87")]
    [InlineData("Steps.Tune.TrainingJobSummaries[0].TrainingJobName", "\"tune-002\"")]
    [InlineData("Steps.Train.HyperParameters['lr']", "\"0.1\"")]
    [InlineData("Steps.Tune.BestTrainingJob.TrainingJobName", "\"tune-002\"")]
    [InlineData("Steps.Lambda.OutputParameters['threshold'].Value", "\"0.8\"")]
    public async Task EvaluateAsync_GetStepProperty_ResolvesNamedListsMapsAndIndexes(string path, string expected)
    {
        Assert.Equal(expected, Text(await EvaluateAsync($$"""{"Get":"{{path}}"}""")));
    }

    [Fact]
    public async Task EvaluateAsync_StepWithoutProperties_NamesTheStep()
    {
        var ex = await FailsAsync("""{"Get":"Steps.NotRun.ModelArtifacts.S3ModelArtifacts"}""");

        Assert.Contains("step 'NotRun' has no properties", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_MissingStepProperty_NamesStepAndSegment()
    {
        var ex = await FailsAsync("""{"Uri":{"Get":"Steps.Preprocess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri"}}""");

        Assert.Equal(
            "Cannot read 'ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri' from step 'Preprocess': 'ProcessingOutputConfig.Outputs' has no item named 'test' (it has: train, validation).",
            ex.Problem);
        Assert.Equal("$.Steps[0].Arguments.Uri", ex.JsonPath);
    }

    [Fact]
    public async Task EvaluateAsync_PropertyFileOutsideJsonGet_Throws()
    {
        var ex = await FailsAsync("""{"Get":"Steps.Evaluate.PropertyFiles.Report"}""");

        Assert.Contains("can only be the PropertyFile of Std:JsonGet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_StepWithoutPropertyPath_Throws()
    {
        var ex = await FailsAsync("""{"Get":"Steps.Train"}""");

        Assert.Contains("names a step, not one of its properties", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_StepPropertiesDelegateFails_BecomesExpressionException()
    {
        var context = Context() with { StepProperties = _ => throw new InvalidOperationException("store offline") };

        var ex = await FailsAsync("""{"Get":"Steps.Train.TrainingJobName"}""", context);

        Assert.Contains("store offline", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Theory]
    [InlineData("ExperimentName", "churn")]
    [InlineData("TrialName", "exec1")]
    public async Task EvaluateAsync_GetExperimentConfig_EvaluatesTheConfiguredField(string field, string expected)
    {
        var result = await EvaluateAsync($$"""{"Get":"PipelineExperimentConfig.{{field}}"}""");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Fact]
    public async Task EvaluateAsync_ExperimentConfigAbsent_Throws()
    {
        var ex = await FailsAsync("""{"Get":"PipelineExperimentConfig.ExperimentName"}""", Context() with { PipelineExperimentConfig = null });

        Assert.Contains("the pipeline has no PipelineExperimentConfig", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ExperimentConfigReferringToItself_ThrowsInsteadOfLooping()
    {
        var context = Context() with { PipelineExperimentConfig = JsonNode.Parse("""{"ExperimentName":{"Get":"PipelineExperimentConfig.ExperimentName"}}""") };

        var ex = await FailsAsync("""{"Get":"PipelineExperimentConfig.ExperimentName"}""", context);

        Assert.Equal("$.PipelineExperimentConfig.ExperimentName", ex.JsonPath);
        Assert.Contains("PipelineExperimentConfig cannot refer to itself", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Get":"Params.X"}""", "is not a reference")]
    [InlineData("""{"Get":5}""", "'Get' needs a string")]
    [InlineData("""{"Std:Concat":{"Values":[]}}""", "Unknown function 'Std:Concat'")]
    public async Task EvaluateAsync_MalformedExpression_Throws(string json, string expected)
    {
        var ex = await FailsAsync(json);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_NestedDeeperThanTheParserAllows_ThrowsInsteadOfOverflowing()
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < 400; i++)
        {
            node = new JsonArray(node);
        }

        var ex = await Assert.ThrowsAsync<ExpressionException>(() => ExpressionEvaluator.EvaluateAsync(node, Context()).AsTask());

        Assert.Contains("nested more than 256 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_Null_ReturnsNull()
    {
        Assert.Null(await ExpressionEvaluator.EvaluateAsync(null, Context()));
    }
}
