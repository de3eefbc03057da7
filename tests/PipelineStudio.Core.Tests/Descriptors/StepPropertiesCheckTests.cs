using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;
using static PipelineStudio.Core.Tests.Graph.TestDefinitions;

namespace PipelineStudio.Core.Tests.Descriptors;

public class StepPropertiesCheckTests
{
    private const string ProcessingArguments =
        """{"ProcessingInputs":[{"InputName":"code","S3Input":{"S3Uri":"s3://b/c","LocalPath":"/opt/ml/processing/input/code"}}],"ProcessingOutputConfig":{"Outputs":[{"OutputName":"train","S3Output":{"S3Uri":"s3://b/t","LocalPath":"/opt/ml/processing/train","S3UploadMode":"EndOfJob"}},{"OutputName":"test","S3Output":{"S3Uri":"s3://b/s","LocalPath":"/opt/ml/processing/test","S3UploadMode":"EndOfJob"}}]}}""";

    private const string TrainingArguments =
        """{"AlgorithmSpecification":{"TrainingImage":"img","MetricDefinitions":[{"Name":"val:auc","Regex":"auc=(.*)"}]},"InputDataConfig":[{"ChannelName":"train"}],"HyperParameters":{"eta":"0.1"}}""";

    [Theory]
    [InlineData("Processing", "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")]
    [InlineData("Processing", "ProcessingOutputConfig.Outputs[0].S3Output.S3Uri")]
    [InlineData("Processing", "ProcessingInputs['code'].S3Input.S3Uri")]
    [InlineData("Processing", "ProcessingJobName")]
    [InlineData("Processing", "ProcessingOutputConfig.Outputs['test'].OutputName")]
    [InlineData("Processing", "ProcessingInputs['code'].S3Input.S3DataType")]
    [InlineData("Processing", "ProcessingJobArn")]
    [InlineData("Processing", "AppSpecification.ImageUri")]
    [InlineData("Processing", "Environment['ANY']")]
    [InlineData("Processing", "PropertyFiles.Evaluation")]
    [InlineData("Training", "ModelArtifacts.S3ModelArtifacts")]
    [InlineData("Training", "FinalMetricDataList['val:auc'].Value")]
    [InlineData("Training", "FinalMetricDataList[0].Value")]
    [InlineData("Training", "HyperParameters['max_depth']")]
    [InlineData("Training", "OutputDataConfig.S3OutputPath")]
    [InlineData("Training", "InputDataConfig['train'].DataSource.S3DataSource.S3Uri")]
    [InlineData("Training", "TrainingJobName")]
    [InlineData("Tuning", "BestTrainingJob.TrainingJobName")]
    [InlineData("Tuning", "BestTrainingJob.FinalHyperParameterTuningJobObjectiveMetric.Value")]
    [InlineData("Tuning", "BestTrainingJob.TunedHyperParameters['eta']")]
    [InlineData("Tuning", "TrainingJobSummaries[0].TrainingJobName")]
    [InlineData("Tuning", "HyperParameterTuningJobName")]
    [InlineData("Transform", "TransformOutput.S3OutputPath")]
    [InlineData("Transform", "TransformJobArn")]
    [InlineData("Model", "ModelName")]
    [InlineData("Model", "PrimaryContainer.ModelDataUrl")]
    [InlineData("Model", "Containers[1].Environment['SAGEMAKER_PROGRAM']")]
    [InlineData("RegisterModel", "ModelPackageArn")]
    [InlineData("RegisterModel", "ModelApprovalStatus")]
    [InlineData("RegisterModel", "InferenceSpecification.Containers[0].Image")]
    [InlineData("Condition", "Outcome")]
    [InlineData("QualityCheck", "CalculatedBaselineStatistics")]
    [InlineData("ClarifyCheck", "BaselineUsedForDriftCheckConstraints")]
    [InlineData("EMR", "ClusterId")]
    [InlineData("EMR", "Status.State")]
    [InlineData("AutoML", "BestCandidate.InferenceContainers[0].ModelDataUrl")]
    [InlineData("AutoML", "BestCandidateProperties.ModelInsightsJsonReportPath")]
    [InlineData("EndpointConfig", "EndpointConfigArn")]
    [InlineData("Endpoint", "EndpointStatus")]
    [InlineData("RegisterModel", "ModelMetrics.ModelQuality.Statistics.S3Uri")]
    public void Check_RealSdkPath_Accepts(string type, string path) =>
        Assert.Null(StepProperties.Check(StepOf(type), path));

    [Theory]
    [InlineData("Processing", "ModelArtifacts", "Processing steps have no property 'ModelArtifacts'.")]
    [InlineData("Processing", "ProcessingOutputConfig.Outputs.S3Output", "'ProcessingOutputConfig.Outputs' is a list; pick an item")]
    [InlineData("Processing", "ProcessingOutputConfig.Outputs['train'].S3Uri", "'ProcessingOutputConfig.Outputs['train']' has no property 'S3Uri'.")]
    [InlineData("Processing", "ProcessingJobName.Value", "'ProcessingJobName' is a value and has no property 'Value'.")]
    [InlineData("Processing", "Environment.PATH", "'Environment' is a map; select an entry by key")]
    [InlineData("Training", "ModelArtifact.S3ModelArtifacts", "Training steps have no property 'ModelArtifact'; did you mean 'ModelArtifacts'?")]
    [InlineData("Training", "modelartifacts.S3ModelArtifacts", "did you mean 'ModelArtifacts'?")]
    [InlineData("Training", "ModelArtifacts.S3Uri", "'ModelArtifacts' has no property 'S3Uri'.")]
    [InlineData("Training", "FinalMetricDataList['val:auc'].Valu", "has no property 'Valu'; did you mean 'Value'?")]
    [InlineData("Tuning", "TrainingJobSummaries['best'].TrainingJobName", "'TrainingJobSummaries' is a list of unnamed items")]
    [InlineData("Tuning", "ModelArtifacts.S3ModelArtifacts", "Tuning steps have no property 'ModelArtifacts'")]
    [InlineData("Model", "ModelArtifacts.S3ModelArtifacts", "Model steps have no property 'ModelArtifacts'")]
    [InlineData("RegisterModel", "ModelName", "RegisterModel steps have no property 'ModelName'")]
    [InlineData("Condition", "Result", "Condition steps have no property 'Result'")]
    [InlineData("Transform", "[0]", "Transform step properties are selected by name, not by [0].")]
    [InlineData("Fail", "ErrorMessage", "Fail steps have no properties.")]
    [InlineData("QualityCheck", "CalculatedBaselineConstraints.S3Uri", "'CalculatedBaselineConstraints' is a value")]
    [InlineData("Processing", "Outputs[", "is not a well-formed property path")]
    public void Check_WrongPath_NamesTheBadSegment(string type, string path, string expected)
    {
        var problem = StepProperties.Check(StepOf(type), path);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HugeUnknownSegment_ReturnsAShortMessage()
    {
        var problem = StepProperties.Check(StepOf("Training"), "ModelArtifacts." + new string('x', 200_000));

        Assert.NotNull(problem);
        Assert.StartsWith("'ModelArtifacts' has no property 'xxx", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 200, problem);
    }

    [Fact]
    public void Check_UndeclaredProcessingOutput_ListsTheDeclaredOnes() =>
        Assert.Equal(
            "Processing step 'Prep' has no output named 'x'; it has: train, test.",
            StepProperties.Check(StepOf("Processing"), "ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri"));

    [Fact]
    public void Check_OutputNamesAreExpressions_AcceptsAnyName()
    {
        var step = StepOf("Processing", """{"ProcessingOutputConfig":{"Outputs":[{"OutputName":{"Get":"Parameters.Out"}}]}}""");

        Assert.Null(StepProperties.Check(step, "ProcessingOutputConfig.Outputs['anything'].S3Output.S3Uri"));
    }

    [Fact]
    public void Check_ProcessingWithoutOutputs_SaysItDeclaresNone() =>
        Assert.Equal(
            "Processing step 'Prep' has no output named 'x'; it declares none.",
            StepProperties.Check(StepOf("Processing", "{}"), "ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri"));

    [Fact]
    public void Check_UndeclaredMetricWhenMetricsAreDeclared_Rejects() =>
        Assert.Equal(
            "Training step 'Prep' has no metric named 'val:rmse'; it has: val:auc.",
            StepProperties.Check(StepOf("Training"), "FinalMetricDataList['val:rmse'].Value"));

    [Fact]
    public void Check_AnyMetricWhenNoneDeclared_Accepts() =>
        Assert.Null(StepProperties.Check(StepOf("Training", "{}"), "FinalMetricDataList['validation:rmse'].Value"));

    [Theory]
    [InlineData("Lambda")]
    [InlineData("Callback")]
    public void Check_OutputParameters_AcceptsOnlyDeclaredNames(string type)
    {
        var step = StepOf(type, "{}", ""","OutputParameters":[{"OutputName":"count","OutputType":"Integer"}]""");

        Assert.Null(StepProperties.Check(step, "OutputParameters['count']"));
        Assert.Equal($"{type} step 'Prep' has no output parameter named 'total'; it has: count.", StepProperties.Check(step, "OutputParameters['total']"));
        Assert.Contains("is a map", StepProperties.Check(step, "OutputParameters.count"), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LambdaWithoutOutputParameters_SaysItDeclaresNone() =>
        Assert.Equal(
            "Lambda step 'Prep' has no output parameter named 'x'; it declares none.",
            StepProperties.Check(StepOf("Lambda", "{}"), "OutputParameters['x']"));

    [Theory]
    [InlineData("BedrockCustomModel")]
    [InlineData("Lineage")]
    [InlineData("InferenceComponent")]
    [InlineData("EMRServerless")]
    [InlineData("SomeFutureType")]
    public void Check_TypeWithoutSchema_AcceptsAnything(string type) =>
        Assert.Null(StepProperties.Check(StepOf(type, "{}"), "Whatever.Goes['here'][3]"));

    [Fact]
    public void Check_EveryStepReferenceInTheCorpusAndSamples_Accepts()
    {
        var checkedCount = 0;
        foreach (var (label, text) in PipelineStudio.TestSupport.SampleDefinitions.AllValid())
        {
            var definition = Parse(text);
            foreach (var step in definition.AllSteps)
            {
                foreach (var reference in Expressions.ExpressionScanner.ScanStep(step).References)
                {
                    if (reference.Kind == Expressions.ReferenceKind.Step && definition.FindStep(reference.Target) is { } target)
                    {
                        Assert.True(StepProperties.Check(target, reference.PropertyPath) is null, $"{label}: {reference.Path} rejected: {StepProperties.Check(target, reference.PropertyPath)}");
                        checkedCount++;
                    }
                }
            }
        }

        Assert.True(checkedCount > 30, $"only {checkedCount} references checked");
    }

    /// <summary>A step named Prep of the type, with realistic arguments for Processing and Training.</summary>
    internal static StepDefinition StepOf(string type, string? arguments = null, string extra = "")
    {
        arguments ??= type switch
        {
            "Processing" => ProcessingArguments,
            "Training" => TrainingArguments,
            _ => "{}",
        };
        return FromSteps($$$"""[{"Name":"Prep","Type":"{{{type}}}","Arguments":{{{arguments}}}{{{extra}}}}]""").Steps[0];
    }
}
