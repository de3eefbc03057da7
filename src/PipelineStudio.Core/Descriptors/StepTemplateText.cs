namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// The body of each step template (everything but Name and Type), in the key order the SDK writes.
/// <c>__STEP__</c> stands for the step name, the other <c>__X__</c> tokens for the constants of
/// <see cref="Expand"/>. Outputs land under the execution id, as with the SDK's PipelineSession, so
/// two runs never overwrite each other.
/// </summary>
internal static class StepTemplateText
{
    /// <summary>Fills the shared placeholders (our own constants, so plain text replacement is safe).</summary>
    public static string Expand(string template) => template
        .Replace("__OUTPUT_PATH__", OutputPath, StringComparison.Ordinal)
        .Replace("__ROLE__", StepTemplates.DefaultRoleArn, StringComparison.Ordinal)
        .Replace("__BUCKET__", StepTemplates.DefaultBucket, StringComparison.Ordinal)
        .Replace("__SKLEARN__", StepTemplates.SklearnImageUri, StringComparison.Ordinal)
        .Replace("__INSTANCE__", StepTemplates.DefaultInstanceType, StringComparison.Ordinal);

    private const string OutputPath =
        """{"Std:Join": {"On": "/", "Values": ["s3://__BUCKET__", {"Get": "Execution.PipelineName"}, {"Get": "Execution.PipelineExecutionId"}, "__STEP__"]}}""";

    public const string Processing = """
        {"Arguments": {
          "ProcessingResources": {"ClusterConfig": {"InstanceType": "__INSTANCE__", "InstanceCount": 1, "VolumeSizeInGB": 30}},
          "AppSpecification": {"ImageUri": "__SKLEARN__", "ContainerEntrypoint": ["python3", "/opt/ml/processing/input/code/script.py"]},
          "RoleArn": "__ROLE__",
          "ProcessingInputs": [],
          "ProcessingOutputConfig": {"Outputs": []}}}
        """;

    public const string Training = """
        {"Arguments": {
          "AlgorithmSpecification": {"TrainingInputMode": "File", "TrainingImage": "__SKLEARN__", "MetricDefinitions": []},
          "OutputDataConfig": {"S3OutputPath": __OUTPUT_PATH__},
          "StoppingCondition": {"MaxRuntimeInSeconds": 86400},
          "ResourceConfig": {"VolumeSizeInGB": 30, "InstanceCount": 1, "InstanceType": "__INSTANCE__"},
          "RoleArn": "__ROLE__",
          "InputDataConfig": [],
          "HyperParameters": {
            "sagemaker_program": "\"train.py\"",
            "sagemaker_submit_directory": "\"s3://__BUCKET__/__STEP__/source/sourcedir.tar.gz\"",
            "sagemaker_container_log_level": "20",
            "sagemaker_region": "\"us-east-1\""}}}
        """;

    public const string Tuning = """
        {"Arguments": {
          "HyperParameterTuningJobConfig": {
            "Strategy": "Bayesian",
            "ResourceLimits": {"MaxNumberOfTrainingJobs": 4, "MaxParallelTrainingJobs": 2},
            "TrainingJobEarlyStoppingType": "Off",
            "HyperParameterTuningJobObjective": {"Type": "Maximize", "MetricName": "validation:accuracy"},
            "ParameterRanges": {"ContinuousParameterRanges": [], "CategoricalParameterRanges": [], "IntegerParameterRanges": []}},
          "TrainingJobDefinition": {
            "StaticHyperParameters": {
              "sagemaker_program": "\"train.py\"",
              "sagemaker_submit_directory": "\"s3://__BUCKET__/__STEP__/source/sourcedir.tar.gz\"",
              "sagemaker_container_log_level": "20",
              "sagemaker_region": "\"us-east-1\""},
            "RoleArn": "__ROLE__",
            "OutputDataConfig": {"S3OutputPath": __OUTPUT_PATH__},
            "StoppingCondition": {"MaxRuntimeInSeconds": 86400},
            "ResourceConfig": {"InstanceCount": 1, "InstanceType": "__INSTANCE__", "VolumeSizeInGB": 30},
            "AlgorithmSpecification": {
              "TrainingInputMode": "File",
              "TrainingImage": "__SKLEARN__",
              "MetricDefinitions": [{"Name": "validation:accuracy", "Regex": "validation:accuracy=([0-9\\.]+)"}]},
            "InputDataConfig": []}}}
        """;

    public const string Transform = """
        {"Arguments": {
          "ModelName": "my-model",
          "TransformInput": {
            "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://__BUCKET__/__STEP__/input"}},
            "ContentType": "text/csv",
            "SplitType": "Line"},
          "TransformOutput": {"S3OutputPath": __OUTPUT_PATH__, "Accept": "text/csv", "AssembleWith": "Line"},
          "TransformResources": {"InstanceCount": 1, "InstanceType": "__INSTANCE__"}}}
        """;

    public const string Model = """
        {"Arguments": {
          "ExecutionRoleArn": "__ROLE__",
          "PrimaryContainer": {"Image": "__SKLEARN__", "Environment": {}, "ModelDataUrl": "s3://__BUCKET__/model/model.tar.gz"}}}
        """;

    public const string RegisterModel = """
        {"Arguments": {
          "ModelPackageGroupName": "my-model-group",
          "InferenceSpecification": {
            "Containers": [{"Image": "__SKLEARN__", "ModelDataUrl": "s3://__BUCKET__/model/model.tar.gz"}],
            "SupportedContentTypes": ["text/csv"],
            "SupportedResponseMIMETypes": ["text/csv"],
            "SupportedRealtimeInferenceInstanceTypes": ["__INSTANCE__"],
            "SupportedTransformInstanceTypes": ["__INSTANCE__"]},
          "ModelApprovalStatus": "PendingManualApproval",
          "SkipModelValidation": "None"}}
        """;

    // SageMaker rejects an empty Conditions list, so the template carries one comparison to edit.
    public const string Condition = """
        {"Arguments": {
          "Conditions": [{"Type": "GreaterThanOrEqualTo", "LeftValue": 0.0, "RightValue": 0.0}],
          "IfSteps": [],
          "ElseSteps": []}}
        """;

    public const string Fail = """
        {"Arguments": {"ErrorMessage": "Step __STEP__ stopped the execution."}}
        """;

    public const string Lambda = """
        {"Arguments": {},
         "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:my-function",
         "OutputParameters": []}
        """;

    public const string Callback = """
        {"Arguments": {},
         "SqsQueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/my-queue",
         "OutputParameters": []}
        """;

    public const string QualityCheck = """
        {"Arguments": {
          "ProcessingResources": {"ClusterConfig": {"InstanceType": "__INSTANCE__", "InstanceCount": 1, "VolumeSizeInGB": 30}},
          "AppSpecification": {"ImageUri": "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"},
          "RoleArn": "__ROLE__",
          "ProcessingInputs": [{"InputName": "baseline_dataset_input", "AppManaged": false, "S3Input": {
            "LocalPath": "/opt/ml/processing/input/baseline_dataset_input", "S3Uri": "s3://__BUCKET__/__STEP__/baseline.csv",
            "S3DataDistributionType": "FullyReplicated", "S3DataType": "S3Prefix", "S3InputMode": "File", "S3CompressionType": "None"}}],
          "ProcessingOutputConfig": {"Outputs": [{"OutputName": "monitoring_output", "AppManaged": false, "S3Output": {
            "LocalPath": "/opt/ml/processing/output", "S3Uri": "s3://__BUCKET__/__STEP__/monitoring", "S3UploadMode": "EndOfJob"}}]},
          "StoppingCondition": {"MaxRuntimeInSeconds": 1800},
          "Environment": {
            "output_path": "/opt/ml/processing/output",
            "publish_cloudwatch_metrics": "Disabled",
            "dataset_format": "{\"csv\": {\"header\": true, \"output_columns_position\": \"START\"}}",
            "dataset_source": "/opt/ml/processing/input/baseline_dataset_input"}},
         "CheckType": "DATA_QUALITY",
         "ModelPackageGroupName": "my-model-group",
         "SkipCheck": false,
         "FailOnViolation": true,
         "RegisterNewBaseline": false}
        """;

    public const string ClarifyCheck = """
        {"Arguments": {
          "ProcessingResources": {"ClusterConfig": {"InstanceType": "__INSTANCE__", "InstanceCount": 1, "VolumeSizeInGB": 30}},
          "AppSpecification": {"ImageUri": "205585389593.dkr.ecr.us-east-1.amazonaws.com/sagemaker-clarify-processing:1.0"},
          "RoleArn": "__ROLE__",
          "ProcessingInputs": [
            {"InputName": "analysis_config", "AppManaged": false, "S3Input": {"S3Uri": "s3://__BUCKET__/__STEP__/analysis_config.json",
              "LocalPath": "/opt/ml/processing/input/config", "S3DataType": "S3Prefix", "S3InputMode": "File",
              "S3DataDistributionType": "FullyReplicated", "S3CompressionType": "None"}},
            {"InputName": "dataset", "AppManaged": false, "S3Input": {"S3Uri": "s3://__BUCKET__/__STEP__/dataset.csv",
              "LocalPath": "/opt/ml/processing/input/data", "S3DataType": "S3Prefix", "S3InputMode": "File",
              "S3DataDistributionType": "FullyReplicated", "S3CompressionType": "None"}}],
          "ProcessingOutputConfig": {"Outputs": [{"OutputName": "analysis_result", "AppManaged": false, "S3Output": {
            "S3Uri": "s3://__BUCKET__/__STEP__/analysis", "LocalPath": "/opt/ml/processing/output", "S3UploadMode": "EndOfJob"}}]}},
         "CheckType": "DATA_BIAS",
         "ModelPackageGroupName": "my-model-group",
         "SkipCheck": false,
         "FailOnViolation": true,
         "RegisterNewBaseline": false}
        """;

    public const string Emr = """
        {"Arguments": {
          "ClusterId": "j-1ABCDEFGHIJKL",
          "StepConfig": {"HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "--deploy-mode", "cluster", "s3://__BUCKET__/__STEP__/job.py"]}}}}
        """;

    public const string EmrServerless = """
        {"Arguments": {
          "ExecutionRoleArn": "__ROLE__",
          "JobConfig": {
            "executionRoleArn": "arn:aws:iam::123456789012:role/EMRServerlessJobRole",
            "jobDriver": {"sparkSubmit": {"entryPoint": "s3://__BUCKET__/__STEP__/job.py", "entryPointArguments": []}}},
          "ApplicationId": "00fabcdefghijklm"}}
        """;

    public const string AutoMl = """
        {"Arguments": {
          "InputDataConfig": [{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": "s3://__BUCKET__/__STEP__/train"}},
            "TargetAttributeName": "label", "ChannelType": "training"}],
          "OutputDataConfig": {"S3OutputPath": __OUTPUT_PATH__},
          "AutoMLJobConfig": {"CompletionCriteria": {"MaxCandidates": 10}, "Mode": "ENSEMBLING"},
          "RoleArn": "__ROLE__"}}
        """;

    public const string EndpointConfig = """
        {"Arguments": {
          "ProductionVariants": [{"VariantName": "AllTraffic", "ModelName": "my-model", "InitialInstanceCount": 1,
            "InstanceType": "__INSTANCE__", "InitialVariantWeight": 1.0}]}}
        """;

    public const string Endpoint = """
        {"Arguments": {"EndpointName": "my-endpoint", "EndpointConfigName": "my-endpoint-config"}}
        """;

    public const string InferenceComponent = """
        {"Arguments": {
          "EndpointName": "my-endpoint",
          "VariantName": "AllTraffic",
          "Specification": {"ModelName": "my-model", "ComputeResourceRequirements": {"NumberOfCpuCoresRequired": 1, "MinMemoryRequiredInMb": 1024}},
          "RuntimeConfig": {"CopyCount": 1}}}
        """;

    public const string BedrockCustomModel = """
        {"Arguments": {
          "CustomModelName": "my-custom-model",
          "RoleArn": "arn:aws:iam::123456789012:role/BedrockCustomizationRole",
          "BaseModelIdentifier": "amazon.titan-text-express-v1",
          "CustomizationType": "FINE_TUNING",
          "TrainingDataConfig": {"S3Uri": "s3://__BUCKET__/__STEP__/train.jsonl"},
          "OutputDataConfig": {"S3Uri": "s3://__BUCKET__/__STEP__/output"},
          "HyperParameters": {"epochCount": "2"}}}
        """;

    public const string BedrockCustomModelDeployment = """
        {"Arguments": {
          "ModelDeploymentName": "my-custom-model-deployment",
          "ModelArn": "arn:aws:bedrock:us-east-1:123456789012:custom-model/my-custom-model"}}
        """;

    public const string BedrockModelImport = """
        {"Arguments": {
          "ImportedModelName": "my-imported-model",
          "RoleArn": "arn:aws:iam::123456789012:role/BedrockImportRole",
          "ModelDataSource": {"S3DataSource": {"S3Uri": "s3://__BUCKET__/__STEP__/weights/"}}}}
        """;

    public const string BedrockProvisionedModelThroughput = """
        {"Arguments": {
          "ModelUnits": 1,
          "ProvisionedModelName": "my-provisioned-model",
          "ModelId": "arn:aws:bedrock:us-east-1:123456789012:custom-model/my-custom-model"}}
        """;

    public const string Lineage = """
        {"Arguments": {
          "Artifacts": [{"ArtifactName": "__STEP__-dataset", "Source": {"SourceUri": "s3://__BUCKET__/__STEP__/dataset"}, "ArtifactType": "DataSet"}]}}
        """;
}
