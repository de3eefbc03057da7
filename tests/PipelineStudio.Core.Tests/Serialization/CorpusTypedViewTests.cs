using PipelineStudio.Core.Definitions;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

/// <summary>The typed view reads the corpus the way SageMaker means it.</summary>
public sealed class CorpusTypedViewTests
{
    [Theory]
    [InlineData(SampleDefinitions.Abalone, 4, 8)]
    [InlineData(SampleDefinitions.HyperparameterTuning, 3, 3)]
    [InlineData(SampleDefinitions.LambdaCallback, 4, 4)]
    [InlineData(SampleDefinitions.EmrDependsOn, 4, 4)]
    [InlineData(SampleDefinitions.ModelMonitorChecks, 4, 4)]
    [InlineData(SampleDefinitions.NestedCondition, 2, 6)]
    [InlineData(SampleDefinitions.FunctionSteps, 3, 4)]
    [InlineData(SampleDefinitions.FutureStepType, 2, 2)]
    [InlineData(SampleDefinitions.ConditionOperators, 2, 4)]
    [InlineData(SampleDefinitions.ExecutionVariables, 3, 3)]
    [InlineData(SampleDefinitions.ModelStepCollection, 5, 5)]
    public void FromJson_CorpusDefinition_CountsTopLevelAndBranchSteps(string name, int topLevel, int all)
    {
        var definition = Load(SampleDefinitions.ReadCorpus(name));

        Assert.Equal(topLevel, definition.Steps.Count);
        Assert.Equal(all, definition.AllSteps.Count);
    }

    [Theory]
    [InlineData(SampleDefinitions.ChurnPredictionSample, 5, 9)]
    [InlineData(SampleDefinitions.CallbackApprovalSample, 4, 6)]
    public void FromJson_Sample_CountsTopLevelAndBranchSteps(string name, int topLevel, int all)
    {
        var definition = Load(SampleDefinitions.ReadSample(name));

        Assert.Equal(topLevel, definition.Steps.Count);
        Assert.Equal(all, definition.AllSteps.Count);
    }

    [Fact]
    public void FromJson_Abalone_ReadsAllFourParameterTypesAndEnumValues()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone));

        Assert.Equal(ParameterType.Integer, definition.FindParameter("ProcessingInstanceCount")!.Type);
        Assert.Equal(ParameterType.Float, definition.FindParameter("MseThreshold")!.Type);
        Assert.Equal(ParameterType.Boolean, definition.FindParameter("UseSpotInstances")!.Type);
        var instanceType = definition.FindParameter("TrainingInstanceType")!;
        Assert.Equal(ParameterType.String, instanceType.Type);
        Assert.Equal(["ml.m5.xlarge", "ml.m5.2xlarge", "ml.c5.2xlarge"], instanceType.EnumValues!.Select(v => v!.GetValue<string>()));
        Assert.Equal(6.0, definition.FindParameter("MseThreshold")!.DefaultValue!.GetValue<double>());
    }

    [Fact]
    public void FromJson_Abalone_ReadsPropertyFilesCacheAndRetryPolicies()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone));

        var evaluation = definition.FindStep("AbaloneEval")!;
        Assert.Equal(new PropertyFile("EvaluationReport", "evaluation", "evaluation.json"), Assert.Single(evaluation.PropertyFiles));
        var process = definition.FindStep("AbaloneProcess")!;
        Assert.Equal(new CacheConfig(true, "P30D"), process.CacheConfig);
        Assert.Equal(2, process.RetryPolicies!.Count);
        Assert.Equal(3, process.RetryPolicies[1]!["ExceptionType"]!.AsArray().Count);
    }

    [Fact]
    public void FromJson_Abalone_PutsRegisterModelAndTransformInIfAndFailInElse()
    {
        var condition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone)).FindStep("AbaloneMSECond")!;

        Assert.Equal([StepTypes.RegisterModel, StepTypes.Model, StepTypes.Transform], condition.IfSteps.Select(s => s.Type));
        var fail = Assert.Single(condition.ElseSteps);
        Assert.Equal(StepTypes.Fail, fail.Type);
        Assert.Equal(ConditionBranch.Else, fail.Branch);
        Assert.Same(condition, fail.Parent);
        Assert.Equal("$.Steps[3].Arguments.ElseSteps[0]", fail.JsonPath);
    }

    [Fact]
    public void FromJson_NestedCondition_ReadsInnerBranchesAndNullExperimentConfig()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.NestedCondition));

        Assert.True(definition.Json.ContainsKey("PipelineExperimentConfig"));
        Assert.Null(definition.PipelineExperimentConfig);
        var inner = definition.FindStep("CheckTargetEnvironment")!;
        Assert.True(inner.IsCondition);
        Assert.Equal(1, inner.Depth);
        Assert.Equal("CheckAccuracy", inner.Parent!.Name);
        var prod = Assert.Single(inner.IfSteps);
        Assert.Equal(2, prod.Depth);
        Assert.Equal("RegisterStagingSentiment-RegisterModel", Assert.Single(inner.ElseSteps).Name);
    }

    [Fact]
    public void FromJson_LambdaCallback_ReadsOutputParametersFunctionArnAndQueue()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.LambdaCallback));

        var lambda = definition.FindStep("ResolveDatasetVersion")!;
        Assert.Equal(
            [new OutputParameter("dataset_uri", "String"), new OutputParameter("row_count", "Integer"), new OutputParameter("is_fresh", "Boolean")],
            lambda.OutputParameters);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:resolve-dataset-version", lambda.FunctionArn!.GetValue<string>());
        var callback = definition.FindStep("RequestDataApproval")!;
        Assert.Equal("Parameters.ApprovalQueueUrl", callback.SqsQueueUrl!["Get"]!.GetValue<string>());
        Assert.Equal(["ResolveDatasetVersion"], callback.DependsOn);
        Assert.Equal(2, callback.OutputParameters.Count);
    }

    [Fact]
    public void FromJson_EmrDependsOn_ReadsDependsOnDisplayNameAndDescription()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.EmrDependsOn));

        var sessionize = definition.FindStep("SessionizeOnExistingCluster")!;
        Assert.Equal(StepTypes.Emr, sessionize.Type);
        Assert.Equal("Sessionize clickstream", sessionize.Label);
        Assert.Equal(["AggregateOnTransientCluster", "SessionizeOnExistingCluster"], definition.FindStep("PublishAggregates")!.DependsOn);
    }

    [Fact]
    public void FromJson_FutureStepType_KeepsTheUnknownTypeAsWritten()
    {
        var step = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.FutureStepType)).Steps[0];

        Assert.Equal("FeatureStoreIngestion", step.Type);
        Assert.False(step.IsKnownType);
        Assert.Equal(new CacheConfig(false, null), step.CacheConfig);
    }

    [Fact]
    public void FromJson_ModelMonitorChecks_KeepsCheckFieldsOnTheStep()
    {
        var definition = Load(SampleDefinitions.ReadCorpus(SampleDefinitions.ModelMonitorChecks));

        var quality = definition.FindStep("DataQualityCheckStep")!;
        Assert.Equal("DATA_QUALITY", quality.Json["CheckType"]!.GetValue<string>());
        Assert.True(quality.Json["FailOnViolation"]!.GetValue<bool>());
        Assert.Equal("MODEL_EXPLAINABILITY", definition.FindStep("ModelExplainabilityCheckStep")!.Json["CheckType"]!.GetValue<string>());
    }

    [Fact]
    public void FromJson_ChurnSample_ReadsThresholdAndEvaluationPropertyFile()
    {
        var definition = Load(SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample));

        var threshold = definition.FindParameter("AucThreshold")!;
        Assert.Equal(ParameterType.Float, threshold.Type);
        Assert.Equal(0.75, threshold.DefaultValue!.GetValue<double>());
        Assert.Equal("evaluation", Assert.Single(definition.FindStep("EvaluateChurnModel")!.PropertyFiles).OutputName);
        Assert.Equal(StepTypes.Tuning, definition.FindStep("TuneChurnModel")!.Type);
    }

    [Fact]
    public void ExecutionVariablesCorpus_AsShipped_UsesAllEightVariables()
    {
        var text = SampleDefinitions.ReadCorpus(SampleDefinitions.ExecutionVariables);

        string[] variables =
        [
            "StartDateTime", "CurrentDateTime", "PipelineName", "PipelineArn",
            "PipelineExecutionId", "PipelineExecutionArn", "TrainingJobName", "ProcessingJobName",
        ];
        Assert.All(variables, v => Assert.Contains($"\"Execution.{v}\"", text, StringComparison.Ordinal));
    }

    private static PipelineDefinition Load(string text)
    {
        var (json, issue) = DefinitionJson.Parse(text);
        Assert.True(json is not null, issue?.ToString());
        return PipelineDefinition.FromJson(json!);
    }
}
