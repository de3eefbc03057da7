using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class PropertyResolverTests
{
    private static readonly JsonNode Processing = JsonNode.Parse(ProcessingProperties)!;
    private static readonly JsonNode Training = JsonNode.Parse(TrainingProperties)!;

    [Theory]
    [InlineData("ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri", "\"s3://b/train\"")]
    [InlineData("ProcessingOutputConfig.Outputs['validation'].S3Output.LocalPath", "\"/opt/ml/processing/validation\"")]
    [InlineData("ProcessingOutputConfig.Outputs[1].OutputName", "\"validation\"")]
    [InlineData("ProcessingInputs['code'].S3Input.S3Uri", "\"s3://b/code/pre.py\"")]
    [InlineData("ProcessingJobName", "\"pipelines-exec1-Preprocess\"")]
    public void Resolve_ProcessingProperties_FindsValue(string path, string expected)
    {
        Assert.Equal(expected, Text(PropertyResolver.Resolve(Processing, path)));
    }

    [Theory]
    [InlineData("FinalMetricDataList['val:auc'].Value", "0.87")]
    [InlineData("HyperParameters['lr']", "\"0.1\"")]
    [InlineData("InputDataConfig['train'].DataSource.S3DataSource.S3Uri", "\"s3://b/train\"")]
    [InlineData("ModelArtifacts.S3ModelArtifacts", "\"s3://b/out/job/output/model.tar.gz\"")]
    public void Resolve_TrainingProperties_FindsValue(string path, string expected)
    {
        Assert.Equal(expected, Text(PropertyResolver.Resolve(Training, path)));
    }

    [Fact]
    public void Resolve_TuningSummariesByIndex_FindsJobName()
    {
        var tuning = JsonNode.Parse(TuningProperties);

        Assert.Equal("\"tune-001\"", Text(PropertyResolver.Resolve(tuning, "TrainingJobSummaries[1].TrainingJobName")));
        Assert.Equal("\"tune-002\"", Text(PropertyResolver.Resolve(tuning, "TrainingJobSummaries[0].TrainingJobName")));
    }

    [Fact]
    public void Resolve_OutputParametersListByName_FindsValue()
    {
        Assert.Equal("\"0.8\"", Text(PropertyResolver.Resolve(JsonNode.Parse(LambdaProperties), "OutputParameters['threshold'].Value")));
    }

    [Fact]
    public void Resolve_PresentNull_ReturnsNull()
    {
        Assert.Null(PropertyResolver.Resolve(Processing, "ExitMessage"));
    }

    [Fact]
    public void Resolve_ReturnsNodeInsideProperties()
    {
        var outputs = PropertyResolver.Resolve(Processing, "ProcessingOutputConfig.Outputs");

        Assert.Same(Processing["ProcessingOutputConfig"]!["Outputs"], outputs);
    }

    [Fact]
    public void Resolve_UnknownNamedItem_NamesItAndListsNames()
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(Processing, "ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri", "$.X"));

        Assert.Equal(
            "Cannot read 'ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri': 'ProcessingOutputConfig.Outputs' has no item named 'test' (it has: train, validation).",
            ex.Problem);
        Assert.Equal("$.X", ex.JsonPath);
    }

    [Fact]
    public void Resolve_UnknownMember_NamesSegmentAndListsMembers()
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(Training, "ModelArtifacts.S3Uri"));

        Assert.Equal("Cannot read 'ModelArtifacts.S3Uri': 'ModelArtifacts' has no 'S3Uri' (it has: S3ModelArtifacts).", ex.Message);
    }

    [Fact]
    public void Resolve_UnknownTopLevelMember_SaysTopLevel()
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(JsonNode.Parse("""{"A":1}"""), "B"));

        Assert.Equal("Cannot read 'B': the top level has no 'B' (it has: A).", ex.Message);
    }

    [Fact]
    public void Resolve_IndexOutOfRange_SaysHowManyItems()
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(JsonNode.Parse(TuningProperties), "TrainingJobSummaries[5].TrainingJobName"));

        Assert.Contains("'TrainingJobSummaries' has 2 item(s), so [5] is out of range", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProcessingJobName.Length", "'ProcessingJobName' is a string (\"pipelines-exec1-Preprocess\"), which has no '.Length'")]
    [InlineData("ProcessingOutputConfig[0]", "'ProcessingOutputConfig' is an object, which has no '[0]'")]
    [InlineData("ExitMessage.Text", "'ExitMessage' is null.")]
    public void Resolve_SegmentOnWrongKind_SaysWhatTheValueIs(string path, string expected)
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(Processing, path));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Outputs[")]
    [InlineData("Outputs[x]")]
    [InlineData(".Outputs")]
    public void Resolve_MalformedPath_Throws(string path)
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(Processing, path));

        Assert.Contains("is not a valid path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoProperties_Throws()
    {
        var ex = Assert.Throws<ExpressionException>(() => PropertyResolver.Resolve(null, "A"));

        Assert.Contains("nothing to read", ex.Message, StringComparison.Ordinal);
    }
}
