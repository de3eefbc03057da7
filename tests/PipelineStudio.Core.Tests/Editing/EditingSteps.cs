using System.Text.Json.Nodes;
using PipelineStudio.Core.Editing;

namespace PipelineStudio.Core.Tests.Editing;

/// <summary>Small step objects for editing tests; valid enough that validation only reports what a test provokes.</summary>
internal static class EditingSteps
{
    public static JsonObject Processing(string name, string? dependsOn = null)
    {
        var step = Parse($$$"""
            {"Name":"{{{name}}}","Type":"Processing","Arguments":{
              "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
              "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","true"]},
              "RoleArn":"arn:aws:iam::123456789012:role/test"}}
            """);
        if (dependsOn is not null)
        {
            step["DependsOn"] = new JsonArray(dependsOn);
        }

        return step;
    }

    public static JsonObject Training(string name) => Parse($$$"""
        {"Name":"{{{name}}}","Type":"Training","Arguments":{
          "AlgorithmSpecification":{"TrainingImage":"local/shell","TrainingInputMode":"File","ContainerEntrypoint":["/bin/sh","-c","echo auc=0.9"],
            "MetricDefinitions":[{"Name":"auc","Regex":"auc=([0-9.]+)"}]},
          "OutputDataConfig":{"S3OutputPath":"s3://bucket/models"},
          "ResourceConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1},
          "StoppingCondition":{"MaxRuntimeInSeconds":600},
          "RoleArn":"arn:aws:iam::123456789012:role/test"}}
        """);

    public static JsonObject Condition(string name, string metricStep = "Train") => Parse($$$"""
        {"Name":"{{{name}}}","Type":"Condition","Arguments":{
          "Conditions":[{"Type":"GreaterThanOrEqualTo","LeftValue":{"Get":"Steps.{{{metricStep}}}.FinalMetricDataList['auc'].Value"},"RightValue":0.5}],
          "IfSteps":[],"ElseSteps":[]}}
        """);

    public static JsonObject Fail(string name) => Parse($$$"""
        {"Name":"{{{name}}}","Type":"Fail","Arguments":{"ErrorMessage":"too low"}}
        """);

    /// <summary>Prepare → Train (DependsOn), and Check reading Train's metric (a property reference).</summary>
    public static DesignerDocument WithCondition()
    {
        var root = new JsonObject
        {
            ["Version"] = "2020-12-01",
            ["Metadata"] = new JsonObject(),
            ["Parameters"] = new JsonArray(),
            ["Steps"] = new JsonArray(Processing("Prepare"), Training("Train"), Condition("Check")),
        };
        ((JsonObject)((JsonArray)root["Steps"]!)[1]!)["DependsOn"] = new JsonArray("Prepare");
        return DesignerDocument.Open(root);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
