using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Editing;

public class PipelineDiffTests
{
    private static readonly string Churn = SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample);

    [Fact]
    public void Compare_SameDefinitionWithOtherKeyOrderAndWhitespace_IsEmpty()
    {
        var json = (JsonObject)JsonNode.Parse(Churn)!;
        var reordered = new JsonObject();
        foreach (var (key, value) in json.Reverse())
        {
            reordered[key] = value?.DeepClone();
        }

        var diff = PipelineDiff.Compare(Parse(Churn), PipelineDefinition.FromJson(reordered));

        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Compare_ChangedAddedAndRemovedOutputs_AreNamedByOutputName()
    {
        var edited = Edit(Churn, json =>
        {
            var outputs = Step(json, "PreprocessCustomers")["Arguments"]!["ProcessingOutputConfig"]!["Outputs"]!.AsArray();
            outputs[0]!["S3Output"]!["LocalPath"] = "/opt/ml/processing/output/training";
            outputs.RemoveAt(3);
            outputs.Add(new JsonObject { ["OutputName"] = "holdout", ["S3Output"] = new JsonObject { ["S3Uri"] = "s3://b/h" } });
        });

        var step = Assert.Single(PipelineDiff.Compare(Parse(Churn), Parse(edited)).Steps);

        Assert.Equal(("PreprocessCustomers", ChangeKind.Changed), (step.Name, step.Kind));
        Assert.Collection(step.Fields,
            f =>
            {
                Assert.Equal("Arguments.ProcessingOutputConfig.Outputs['train'].S3Output.LocalPath", f.Path);
                Assert.Equal(("/opt/ml/processing/output/train", "/opt/ml/processing/output/training"), ((string?)f.Old, (string?)f.New));
                Assert.Equal(ChangeKind.Changed, f.Kind);
            },
            f => Assert.Equal(("Arguments.ProcessingOutputConfig.Outputs['batch']", ChangeKind.Removed), (f.Path, f.Kind)),
            f => Assert.Equal(("Arguments.ProcessingOutputConfig.Outputs['holdout']", ChangeKind.Added), (f.Path, f.Kind)));
    }

    [Fact]
    public void Compare_ExpressionReplacedByLiteral_IsOneChangeAtTheField()
    {
        var edited = Edit(Churn, json =>
            Step(json, "GenerateCustomers")["Arguments"]!["ProcessingResources"]!["ClusterConfig"]!["InstanceType"] = "ml.m5.xlarge");

        var field = Assert.Single(Assert.Single(PipelineDiff.Compare(Parse(Churn), Parse(edited)).Steps).Fields);

        Assert.Equal("Arguments.ProcessingResources.ClusterConfig.InstanceType", field.Path);
        Assert.Equal("""{"Get":"Parameters.ProcessingInstanceType"}""", field.Old!.ToJsonString());
        Assert.Equal("\"ml.m5.xlarge\"", field.New!.ToJsonString());
    }

    [Fact]
    public void Compare_BranchStepEditedAndAnotherAdded_ReportsEachStepOnceAndTheBranchNames()
    {
        var edited = Edit(Churn, json =>
        {
            var elseSteps = Step(json, "CheckChurnAuc")["Arguments"]!["ElseSteps"]!.AsArray();
            elseSteps[0]!["Arguments"]!["ErrorMessage"] = "AUC too low";
            elseSteps.Add(new JsonObject { ["Name"] = "Notify", ["Type"] = "Lambda", ["FunctionArn"] = "arn:aws:lambda:us-east-1:1:function:f", ["Arguments"] = new JsonObject() });
        });

        var diff = PipelineDiff.Compare(Parse(Churn), Parse(edited));

        Assert.Equal(["CheckChurnAuc", "ChurnAucTooLow", "Notify"], diff.Steps.Select(s => s.Name));
        var condition = diff.Steps[0];
        Assert.Equal("Arguments.ElseSteps", Assert.Single(condition.Fields).Path);
        Assert.Equal("""["ChurnAucTooLow","Notify"]""", condition.Fields[0].New!.ToJsonString());
        Assert.Equal("Arguments.ErrorMessage", Assert.Single(diff.Steps[1].Fields).Path);
        Assert.Equal((ChangeKind.Added, "Lambda"), (diff.Steps[2].Kind, diff.Steps[2].Type));
    }

    [Fact]
    public void Compare_RemovedStep_IsListedAfterTheOthers()
    {
        var edited = Edit(Churn, json =>
        {
            json["Steps"]!.AsArray().RemoveAt(0);
            Step(json, "PreprocessCustomers")["Arguments"]!["RoleArn"] = "arn:aws:iam::1:role/r";
        });

        var diff = PipelineDiff.Compare(Parse(Churn), Parse(edited));

        Assert.Equal([("PreprocessCustomers", ChangeKind.Changed), ("GenerateCustomers", ChangeKind.Removed)], diff.Steps.Select(s => (s.Name, s.Kind)));
    }

    [Fact]
    public void Compare_Parameters_AddedRemovedAndChangedMembers()
    {
        var edited = Edit(Churn, json =>
        {
            var parameters = json["Parameters"]!.AsArray();
            parameters[0]!["DefaultValue"] = 7;
            parameters[3]!["EnumValues"]!.AsArray().Add("ml.c5.xlarge");
            parameters.RemoveAt(1);
            parameters.Add(new JsonObject { ["Name"] = "Region", ["Type"] = "String" });
        });

        var diff = PipelineDiff.Compare(Parse(Churn), Parse(edited));

        Assert.Equal(
            [("Seed", ChangeKind.Changed), ("ProcessingInstanceType", ChangeKind.Changed), ("Region", ChangeKind.Added), ("CustomerCount", ChangeKind.Removed)],
            diff.Parameters.Select(p => (p.Name, p.Kind)));
        Assert.Equal(("DefaultValue", "42", "7"), (diff.Parameters[0].Fields[0].Path, diff.Parameters[0].Fields[0].Old!.ToJsonString(), diff.Parameters[0].Fields[0].New!.ToJsonString()));
        Assert.Equal("EnumValues", Assert.Single(diff.Parameters[1].Fields).Path);
        Assert.Empty(diff.Steps);
    }

    [Fact]
    public void Compare_DocumentMembers_AreReportedWithoutStepsOrParameters()
    {
        var edited = Edit(Churn, json =>
        {
            json["Metadata"]!["Owner"] = "ml-team";
            json["PipelineExperimentConfig"] = null;
        });

        var diff = PipelineDiff.Compare(Parse(Churn), Parse(edited));

        Assert.Equal(["Metadata.Owner", "PipelineExperimentConfig"], diff.Document.Select(c => c.Path));
        Assert.Equal(ChangeKind.Added, diff.Document[0].Kind);
    }

    [Fact]
    public void Compare_OddKeys_AreQuotedInPaths()
    {
        const string Before = """{"Version":"2020-12-01","Steps":[{"Name":"L","Type":"Lambda","FunctionArn":"f","Arguments":{"a b":"1"}}]}""";
        const string After = """{"Version":"2020-12-01","Steps":[{"Name":"L","Type":"Lambda","FunctionArn":"f","Arguments":{"a b":"2"}}]}""";

        var field = Assert.Single(Assert.Single(PipelineDiff.Compare(Parse(Before), Parse(After)).Steps).Fields);

        Assert.Equal("Arguments['a b']", field.Path);
    }

    private static PipelineDefinition Parse(string text) => PipelineDefinition.Parse(text).Definition!;

    private static string Edit(string text, Action<JsonObject> edit)
    {
        var json = (JsonObject)JsonNode.Parse(text)!;
        edit(json);
        return json.ToJsonString();
    }

    private static JsonObject Step(JsonObject json, string name) =>
        PipelineDefinition.FromJson(json).FindStep(name)!.Json;
}
