namespace PipelineStudio.Web.Tests.Model;

/// <summary>Small definitions shaped like the SageMaker Python SDK's output.</summary>
internal static class TestDefinitions
{
    /// <summary>
    /// <code>
    /// Prep ──ref──▶ Train ──DependsOn──▶ Check ──if──▶ Register
    ///                 │                    └──else──▶ Stop
    ///                 └──────────ref────────────────▶ Register
    /// </code>
    /// </summary>
    public const string Condition = """
        {
          "Version": "2020-12-01",
          "Metadata": {"Description": "Train and register when accurate"},
          "Parameters": [
            {"Name": "InstanceType", "Type": "String", "DefaultValue": "ml.m5.xlarge"},
            {"Name": "MinAccuracy", "Type": "Float", "DefaultValue": 0.8}
          ],
          "Steps": [
            {"Name": "Prep", "Type": "Processing", "Arguments": {
              "ProcessingResources": {"ClusterConfig": {"InstanceType": {"Get": "Parameters.InstanceType"}, "InstanceCount": 1, "VolumeSizeInGB": 30}},
              "AppSpecification": {"ImageUri": "img"},
              "RoleArn": "arn:aws:iam::111122223333:role/r",
              "ProcessingOutputConfig": {"Outputs": [{"OutputName": "train", "S3Output": {"S3Uri": "s3://b/train", "LocalPath": "/opt/ml/processing/train", "S3UploadMode": "EndOfJob"}}]}}},
            {"Name": "Train", "Type": "Training", "DisplayName": "Train model", "Arguments": {
              "AlgorithmSpecification": {"TrainingImage": "img", "TrainingInputMode": "File"},
              "OutputDataConfig": {"S3OutputPath": "s3://b/model"},
              "ResourceConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge", "VolumeSizeInGB": 30},
              "RoleArn": "arn:aws:iam::111122223333:role/r",
              "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
              "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix",
                "S3Uri": {"Get": "Steps.Prep.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"}}}}]}},
            {"Name": "Check", "Type": "Condition", "DependsOn": ["Train"], "Arguments": {
              "Conditions": [{"Type": "GreaterThanOrEqualTo", "LeftValue": 0.9, "RightValue": {"Get": "Parameters.MinAccuracy"}}],
              "IfSteps": [{"Name": "Register", "Type": "RegisterModel", "Arguments": {
                "ModelPackageGroupName": "group",
                "InferenceSpecification": {"Containers": [{"Image": "img", "ModelDataUrl": {"Get": "Steps.Train.ModelArtifacts.S3ModelArtifacts"}}],
                  "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"]}}}],
              "ElseSteps": [{"Name": "Stop", "Type": "Fail", "Arguments": {"ErrorMessage": {"Get": "Execution.PipelineExecutionId"}}}]}}
          ]
        }
        """;

    public const string Minimal = """
        {"Version": "2020-12-01", "Parameters": [], "Steps": [
          {"Name": "Only", "Type": "Processing", "Arguments": {"ProcessingResources": {"ClusterConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 10}},
            "AppSpecification": {"ImageUri": "img"}, "RoleArn": "arn:aws:iam::111122223333:role/r"}}]}
        """;
}
