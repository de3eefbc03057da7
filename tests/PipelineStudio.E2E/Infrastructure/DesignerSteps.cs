namespace PipelineStudio.E2E.Infrastructure;

/// <summary>
/// The churn demo's first three steps as the designer E2E test types them into the step editor: same names and
/// shapes as samples/churn-prediction.json, with /bin/sh commands so the local engine runs them without Python.
/// The editor takes the whole step object: TrainChurnModel repeats the DependsOn drawn on the canvas, while
/// PreprocessCustomers drops it, because its input's reference to GenerateCustomers already orders the two.
/// </summary>
public static class DesignerSteps
{
    public const string Generate = """
        {"Name":"GenerateCustomers","Type":"Processing","Arguments":{
          "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
          "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
            "mkdir -p /opt/ml/processing/output/raw && printf 'id,churn\\n1,0\\n2,1\\n' > /opt/ml/processing/output/raw/customers.csv"]},
          "ProcessingOutputConfig":{"Outputs":[{"OutputName":"raw","S3Output":{"S3Uri":"s3://designer-e2e/raw","LocalPath":"/opt/ml/processing/output/raw","S3UploadMode":"EndOfJob"}}]},
          "RoleArn":"arn:aws:iam::123456789012:role/test"}}
        """;

    public const string Preprocess = """
        {"Name":"PreprocessCustomers","Type":"Processing","Arguments":{
          "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
          "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
            "mkdir -p /opt/ml/processing/output/train && cp /opt/ml/processing/input/raw/customers.csv /opt/ml/processing/output/train/train.csv"]},
          "ProcessingInputs":[{"InputName":"raw","S3Input":{"S3Uri":{"Get":"Steps.GenerateCustomers.ProcessingOutputConfig.Outputs['raw'].S3Output.S3Uri"},
            "LocalPath":"/opt/ml/processing/input/raw","S3DataType":"S3Prefix","S3InputMode":"File"}}],
          "ProcessingOutputConfig":{"Outputs":[{"OutputName":"train","S3Output":{"S3Uri":"s3://designer-e2e/train","LocalPath":"/opt/ml/processing/output/train","S3UploadMode":"EndOfJob"}}]},
          "RoleArn":"arn:aws:iam::123456789012:role/test"}}
        """;

    public const string Train = """
        {"Name":"TrainChurnModel","Type":"Training","DependsOn":["PreprocessCustomers"],"Arguments":{
          "AlgorithmSpecification":{"TrainingImage":"local/shell","TrainingInputMode":"File",
            "ContainerEntrypoint":["/bin/sh","-c","wc -l /opt/ml/input/data/train/train.csv && echo val_auc=0.91 && echo model > /opt/ml/model/model.txt"],
            "MetricDefinitions":[{"Name":"val_auc","Regex":"val_auc=([0-9\\.]+)"}]},
          "InputDataConfig":[{"ChannelName":"train","DataSource":{"S3DataSource":{"S3DataType":"S3Prefix",
            "S3Uri":{"Get":"Steps.PreprocessCustomers.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"}}}}],
          "OutputDataConfig":{"S3OutputPath":"s3://designer-e2e/models"},
          "ResourceConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1},
          "StoppingCondition":{"MaxRuntimeInSeconds":600},
          "RoleArn":"arn:aws:iam::123456789012:role/test"}}
        """;
}
