using PipelineStudio.Core.Descriptors;
using PipelineStudio.TestSupport;
using static PipelineStudio.Core.Tests.Descriptors.StepPropertiesCheckTests;
using static PipelineStudio.Core.Tests.Graph.TestDefinitions;

namespace PipelineStudio.Core.Tests.Descriptors;

public class StepPropertiesListPathsTests
{
    [Fact]
    public void ListPaths_ProcessingStep_NamesEachDeclaredOutputAndInput()
    {
        var paths = StepProperties.ListPaths(StepOf("Processing"));

        Assert.Contains("ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri", paths);
        Assert.Contains("ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri", paths);
        Assert.Contains("ProcessingInputs['code'].S3Input.S3Uri", paths);
        Assert.Contains("ProcessingJobName", paths);
        Assert.DoesNotContain(paths, p => p.Contains("Outputs[0]", StringComparison.Ordinal));
        Assert.DoesNotContain("NetworkConfig", paths);
        Assert.DoesNotContain("ProcessingInputs['code'].S3Input.S3DataType", paths);
    }

    [Fact]
    public void ListPaths_TrainingStep_NamesDeclaredMetricsChannelsAndHyperParameters()
    {
        var paths = StepProperties.ListPaths(StepOf("Training"));

        Assert.Contains("ModelArtifacts.S3ModelArtifacts", paths);
        Assert.Contains("FinalMetricDataList['val:auc'].Value", paths);
        Assert.Contains("InputDataConfig['train'].DataSource.S3DataSource.S3Uri", paths);
        Assert.Contains("HyperParameters['eta']", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("SecondaryStatusTransitions", StringComparison.Ordinal));
    }

    [Fact]
    public void ListPaths_TuningStep_OffersTheFirstSummary() =>
        Assert.Contains("TrainingJobSummaries[0].TrainingJobName", StepProperties.ListPaths(StepOf("Tuning")));

    [Fact]
    public void ListPaths_LambdaStep_NamesEachDeclaredOutputParameter()
    {
        var step = StepOf("Lambda", "{}", ""","OutputParameters":[{"OutputName":"count"},{"OutputName":"it's"}]""");

        Assert.Equal(["OutputParameters['count']", "OutputParameters[\"it's\"]"], StepProperties.ListPaths(step));
    }

    [Theory]
    [InlineData("Fail")]
    [InlineData("BedrockModelImport")]
    [InlineData("SomeFutureType")]
    public void ListPaths_TypeWithoutProperties_ReturnsNothing(string type) =>
        Assert.Empty(StepProperties.ListPaths(StepOf(type, "{}")));

    [Fact]
    public void ListPaths_EveryCorpusStep_ListsDozensOfPathsThatAllPassCheck()
    {
        foreach (var (label, text) in SampleDefinitions.AllValid())
        {
            foreach (var step in Parse(text).AllSteps)
            {
                var paths = StepProperties.ListPaths(step);

                Assert.True(paths.Count <= 150, $"{label} {step}: {paths.Count} paths");
                Assert.Equal(paths.Count, paths.Distinct().Count());
                Assert.All(paths, p => Assert.Null(StepProperties.Check(step, p)));
            }
        }
    }
}
