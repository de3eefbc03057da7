namespace PipelineStudio.Web.Tests.Api;

/// <summary>Definitions the local engine runs without Python: shell Processing steps, a Condition and a Fail.</summary>
internal static class RunnableDefinitions
{
    /// <summary>Write (a shell Processing step with an output) -> Check (Mode == "ok") -> else Stop (Fail).</summary>
    public const string WriteThenCheck = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[{"Name":"Mode","Type":"String","DefaultValue":"ok"},{"Name":"Count","Type":"Integer","DefaultValue":1}],
         "Steps":[
          {"Name":"Write","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","echo hi > /opt/ml/processing/output/out/x.txt && echo wrote-the-file"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test",
            "ProcessingOutputConfig":{"Outputs":[{"OutputName":"out","AppManaged":false,
              "S3Output":{"S3Uri":"s3://api-tests/out","LocalPath":"/opt/ml/processing/output/out","S3UploadMode":"EndOfJob"}}]}}},
          {"Name":"Check","Type":"Condition","DependsOn":["Write"],"Arguments":{
            "Conditions":[{"Type":"Equals","LeftValue":{"Get":"Parameters.Mode"},"RightValue":"ok"}],
            "IfSteps":[],
            "ElseSteps":[{"Name":"Stop","Type":"Fail","Arguments":{"ErrorMessage":"Mode is not ok"}}]}}
         ]}
        """;

    /// <summary>One shell step that sleeps long enough to be stopped.</summary>
    public const string Sleeper = """
        {"Version":"2020-12-01","Metadata":{},"Parameters":[],
         "Steps":[
          {"Name":"Sleep","Type":"Processing","Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","echo sleeping; sleep 60"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}}
         ]}
        """;

    /// <summary>One Callback step with an output parameter, completed through the callbacks API.</summary>
    public const string Callback = """
        {"Version":"2020-12-01","Metadata":{},"Parameters":[],
         "Steps":[
          {"Name":"Review","Type":"Callback","Arguments":{"ticket":"T-1"},
           "SqsQueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/reviews",
           "OutputParameters":[{"OutputName":"reviewer","OutputType":"String"}]}
         ]}
        """;
}
