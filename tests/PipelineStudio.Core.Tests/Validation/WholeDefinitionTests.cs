using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class WholeDefinitionTests
{
    /// <summary>Shaped like the Python SDK's output for the abalone example, trimmed to what validation looks at.</summary>
    private const string Realistic = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[
          {"Name":"InputData","Type":"String","DefaultValue":"s3://bucket/abalone.csv"},
          {"Name":"TrainingInstanceCount","Type":"Integer","DefaultValue":1},
          {"Name":"MseThreshold","Type":"Float","DefaultValue":6.0},
          {"Name":"ApprovalStatus","Type":"String","DefaultValue":"PendingManualApproval","EnumValues":["PendingManualApproval","Approved"]}],
         "PipelineExperimentConfig":{"ExperimentName":{"Get":"Execution.PipelineName"},"TrialName":{"Get":"Execution.PipelineExecutionId"}},
         "Steps":[
          {"Name":"Preprocess","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":30}},
            "AppSpecification":{"ImageUri":"sklearn","ContainerEntrypoint":["python3","/opt/ml/processing/input/code/pre.py"]},
            "RoleArn":"arn:aws:iam::1:role/R",
            "ProcessingInputs":[{"InputName":"input-1","S3Input":{"S3Uri":{"Get":"Parameters.InputData"},"LocalPath":"/opt/ml/processing/input"}}],
            "ProcessingOutputConfig":{"Outputs":[
              {"OutputName":"train","S3Output":{"S3Uri":"s3://b/train","LocalPath":"/opt/ml/processing/train"}},
              {"OutputName":"test","S3Output":{"S3Uri":"s3://b/test","LocalPath":"/opt/ml/processing/test"}}]}},
           "CacheConfig":{"Enabled":true,"ExpireAfter":"P30D"}},
          {"Name":"Train","Type":"Training","Arguments":{
            "AlgorithmSpecification":{"TrainingImage":"xgboost","TrainingInputMode":"File"},
            "OutputDataConfig":{"S3OutputPath":{"Std:Join":{"On":"/","Values":["s3://b/model",{"Get":"Execution.PipelineExecutionId"}]}}},
            "ResourceConfig":{"InstanceCount":{"Get":"Parameters.TrainingInstanceCount"},"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":30},
            "RoleArn":"arn:aws:iam::1:role/R","StoppingCondition":{"MaxRuntimeInSeconds":86400},
            "InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix",
              "S3Uri":{"Get":"Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"}}}}],
            "HyperParameters":{"max_depth":"5","eta":"0.2"}},
           "RetryPolicies":[{"ExceptionType":["SageMaker.CAPACITY_ERROR"],"IntervalSeconds":5,"BackoffRate":2.0,"MaxAttempts":3}]},
          {"Name":"Evaluate","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.xlarge","InstanceCount":1,"VolumeSizeInGB":30}},
            "AppSpecification":{"ImageUri":"xgboost","ContainerEntrypoint":["python3","/opt/ml/processing/input/code/eval.py"]},
            "RoleArn":"arn:aws:iam::1:role/R",
            "ProcessingInputs":[
              {"InputName":"model","S3Input":{"S3Uri":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"},"LocalPath":"/opt/ml/processing/model"}},
              {"InputName":"test","S3Input":{"S3Uri":{"Get":"Steps.Preprocess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri"},"LocalPath":"/opt/ml/processing/test"}}],
            "ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation","S3Output":{"S3Uri":"s3://b/eval","LocalPath":"/opt/ml/processing/evaluation"}}]}},
           "PropertyFiles":[{"PropertyFileName":"EvaluationReport","OutputName":"evaluation","FilePath":"evaluation.json"}]},
          {"Name":"CheckMse","Type":"Condition","Arguments":{
            "Conditions":[{"Type":"LessThanOrEqualTo",
              "LeftValue":{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.EvaluationReport"},"Path":"regression_metrics.mse.value"}},
              "RightValue":{"Get":"Parameters.MseThreshold"}}],
            "IfSteps":[
              {"Name":"Register","Type":"RegisterModel","Arguments":{"ModelPackageGroupName":"Abalone",
                "ModelApprovalStatus":{"Get":"Parameters.ApprovalStatus"},
                "InferenceSpecification":{"Containers":[{"Image":"xgboost","ModelDataUrl":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"}}],
                  "SupportedContentTypes":["text/csv"],"SupportedResponseMIMETypes":["text/csv"]}}},
              {"Name":"CreateModel","Type":"Model","Arguments":{"ExecutionRoleArn":"arn:aws:iam::1:role/R",
                "PrimaryContainer":{"Image":"xgboost","ModelDataUrl":{"Get":"Steps.Train.ModelArtifacts.S3ModelArtifacts"}}}},
              {"Name":"BatchTransform","Type":"Transform","Arguments":{"ModelName":{"Get":"Steps.CreateModel.ModelName"},
                "TransformInput":{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/batch"}}},
                "TransformOutput":{"S3OutputPath":"s3://b/transform"},"TransformResources":{"InstanceCount":1,"InstanceType":"ml.m5.xlarge"}}}],
            "ElseSteps":[
              {"Name":"MseTooHigh","Type":"Fail","Arguments":{"ErrorMessage":{"Std:Join":{"On":" ","Values":["MSE above",{"Get":"Parameters.MseThreshold"}]}}}}]}}]}
        """;

    [Fact]
    public void Validate_RealisticSdkDefinition_ReportsNoIssuesAtAll()
    {
        var report = Validate(Realistic);

        Assert.True(report.Issues.Count == 0, Describe(report));
        Assert.Equal(8, report.Definition!.AllSteps.Count);
    }

    [Fact]
    public void Validate_DefinitionWithManyProblems_ReportsEveryOneAtOnce()
    {
        var json = """
            {"Version":"2019-01-01",
             "Parameters":[{"Name":"P","Type":"Integer","DefaultValue":"one"},{"Name":"P","Type":"Integer"}],
             "Steps":[
              {"Name":"A","Type":"Training","Arguments":{"X":{"Get":"Parameters.Missing"}},"DependsOn":["Ghost"]},
              {"Type":"Training","Arguments":{}},
              {"Name":"A","Type":"Mystery","Arguments":{}},
              {"Name":"C","Type":"Condition","Arguments":{"Conditions":[{"Type":"Between"}],
                "IfSteps":[{"Name":"bad name","Type":"Training","Arguments":{},"CacheConfig":{"Enabled":true}}]}}]}
            """;

        var codes = Validate(json).Issues.Select(i => i.Code).ToHashSet();

        string[] expected =
        [
            IssueCodes.UnsupportedVersion, IssueCodes.DefaultValueWrongType, IssueCodes.DuplicateParameterName,
            IssueCodes.UndeclaredParameter, IssueCodes.DependsOnUnknownStep, IssueCodes.StepMissingName,
            IssueCodes.DuplicateStepName, IssueCodes.UnknownStepType, IssueCodes.UnknownConditionType,
            IssueCodes.InvalidStepName, IssueCodes.InvalidCacheConfig,
        ];
        Assert.All(expected, code => Assert.Contains(code, codes));
    }

    [Fact]
    public void Validate_StepIssues_CarryTheStepName()
    {
        var report = Validate(Definition("""[{"Name":"Train","Type":"Training","Arguments":{"X":{"Get":"Parameters.Nope"}},"DependsOn":["Ghost"]}]"""));

        Assert.All(report.Issues, issue => Assert.Equal("Train", issue.StepName));
        Assert.Equal(2, report.Issues.Count);
    }
}
