using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Editing;

public class ParameterRenameTests
{
    private const string Definition = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[{"Name":"Threshold","Type":"Float","DefaultValue":0.5},{"Name":"ThresholdMax","Type":"Float","DefaultValue":1.0},
                       {"Name":"Bucket","Type":"String","DefaultValue":"b"}],
         "PipelineExperimentConfig":{"ExperimentName":{"Get":"Parameters.Bucket"},"TrialName":{"Get":"Execution.PipelineExecutionId"}},
         "Steps":[
          {"Name":"Eval","Type":"Processing","Arguments":{
             "AppSpecification":{"ImageUri":"i","ContainerArguments":["--t",{"Std:Join":{"On":"","Values":[{"Get":"Parameters.Threshold"}]}}]},
             "ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation","S3Output":{"S3Uri":{"Std:Join":{"On":"/","Values":["s3:/",{"Get":"Parameters.Bucket"},"eval"]}},"LocalPath":"/opt/ml/processing/evaluation","S3UploadMode":"EndOfJob"}}]}},
           "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"evaluation","FilePath":"evaluation.json"}]},
          {"Name":"Gate","Type":"Condition","Arguments":{
             "Conditions":[{"Type":"LessThanOrEqualTo",
               "LeftValue":{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Eval.PropertyFiles.Report"},"Path":"mse"}},
               "RightValue":{"Get":"Parameters.Threshold"}},
               {"Type":"Not","Condition":{"Type":"Equals","LeftValue":{"Get":"Parameters.ThresholdMax"},"RightValue":{"Get":"Parameters.Threshold"}}}],
             "IfSteps":[],
             "ElseSteps":[{"Name":"Stop","Type":"Fail","Arguments":{"ErrorMessage":{"Std:Join":{"On":" ","Values":["mse >",{"Get":"Parameters.Threshold"}]}}}}]}}]}
        """;

    private static PipelineDefinition Parse(string text = Definition) => PipelineDefinition.Parse(text).Definition!;

    [Fact]
    public void Change_NewName_RewritesJoinJsonGetConditionsAndBranchReferences()
    {
        var spec = new ParameterSpec("MseLimit", ParameterType.Float, "0.5", []);

        var renamed = PipelineDefinition.FromJson(ParameterEdits.Change(Parse(), "Threshold", spec));
        var text = renamed.ToJson(indented: false);

        Assert.DoesNotContain("Parameters.Threshold\"", text, StringComparison.Ordinal);
        Assert.Equal(4, CountOccurrences(text, "\"Parameters.MseLimit\""));
        Assert.Equal(["Eval", "Gate", "Stop"], ParameterRename.Users(renamed, "MseLimit"));
        Assert.Equal("MseLimit", renamed.Parameters[0].Name);
    }

    [Fact]
    public void Change_NewName_LeavesLongerNamesThatShareThePrefixAlone()
    {
        var renamed = ParameterEdits.Change(Parse(), "Threshold", new ParameterSpec("T", ParameterType.Float, "0.5", [])).ToJsonString();

        Assert.Contains("\"Parameters.ThresholdMax\"", renamed, StringComparison.Ordinal);
        Assert.Equal(1, CountOccurrences(renamed, "\"Parameters.ThresholdMax\""));
    }

    [Fact]
    public void Change_Rename_KeepsTheDefinitionValid()
    {
        var renamed = ParameterEdits.Change(Parse(), "Bucket", new ParameterSpec("DataBucket", ParameterType.String, "b", []));

        Assert.False(DefinitionValidator.Validate(renamed.ToJsonString()).HasErrors);
        Assert.Contains("\"ExperimentName\":{\"Get\":\"Parameters.DataBucket\"}", renamed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Change_DoesNotModifyTheInput()
    {
        var definition = Parse();
        var before = definition.ToJson();

        _ = ParameterEdits.Change(definition, "Threshold", new ParameterSpec("X", ParameterType.Float, "0.7", []));

        Assert.Equal(before, definition.ToJson());
    }

    [Fact]
    public void RewriteReferences_ChurnSample_RewritesEveryUseAndNothingElse()
    {
        var json = (JsonObject)JsonNode.Parse(SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample))!;
        var usesBefore = ParameterRename.Users(PipelineDefinition.FromJson(json), "ProcessingInstanceType");

        var count = ParameterRename.RewriteReferences(json, "ProcessingInstanceType", "ProcInstance");

        Assert.Equal(3, count);
        Assert.Equal(usesBefore, ParameterRename.Users(PipelineDefinition.FromJson(json), "ProcInstance"));
        Assert.Empty(ParameterRename.Users(PipelineDefinition.FromJson(json), "ProcessingInstanceType"));
    }

    [Fact]
    public void Users_ExperimentConfigOnly_IsNamed() =>
        Assert.Equal(["Eval", "PipelineExperimentConfig"], ParameterRename.Users(Parse(), "Bucket"));

    [Fact]
    public void Users_Unused_IsEmpty() =>
        Assert.Empty(ParameterRename.Users(Parse(), "Nope"));

    private static int CountOccurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
