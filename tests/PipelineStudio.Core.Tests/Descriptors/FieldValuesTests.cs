using System.Text.Json.Nodes;
using PipelineStudio.Core.Descriptors;

namespace PipelineStudio.Core.Tests.Descriptors;

public class FieldValuesTests
{
    [Fact]
    public void Set_MissingParents_CreatesThem()
    {
        var step = new JsonObject { ["Name"] = "A" };

        FieldValues.Set(step, "Arguments.StoppingCondition.MaxRuntimeInSeconds", 600);

        Assert.Equal("""{"Name":"A","Arguments":{"StoppingCondition":{"MaxRuntimeInSeconds":600}}}""", step.ToJsonString());
    }

    [Fact]
    public void Set_Null_RemovesTheMemberAndParentsLeftEmpty()
    {
        var step = (JsonObject)JsonNode.Parse("""{"Arguments":{"RoleArn":"r","StoppingCondition":{"MaxRuntimeInSeconds":600}}}""")!;

        FieldValues.Set(step, "Arguments.StoppingCondition.MaxRuntimeInSeconds", null);

        Assert.Equal("""{"Arguments":{"RoleArn":"r"}}""", step.ToJsonString());
    }

    [Fact]
    public void Set_NullOnMissingPath_ChangesNothing()
    {
        var step = (JsonObject)JsonNode.Parse("""{"Arguments":{"X":1}}""")!;

        FieldValues.Set(step, "CacheConfig.Enabled", null);

        Assert.Equal("""{"Arguments":{"X":1}}""", step.ToJsonString());
    }

    [Fact]
    public void Get_ThroughANonObject_IsNull()
    {
        var step = (JsonObject)JsonNode.Parse("""{"Arguments":"oops"}""")!;

        Assert.Null(FieldValues.Get(step, "Arguments.RoleArn"));
    }

    [Theory]
    [InlineData("""{"Get":"Parameters.X"}""", true)]
    [InlineData("""{"Std:Join":{"On":"","Values":[]}}""", true)]
    [InlineData("""{"PipelineStudio:Add":[1,2]}""", true)]
    [InlineData("""{"Get":"x","Other":1}""", false)]
    [InlineData("""{"S3Uri":"s3://b"}""", false)]
    [InlineData("\"text\"", false)]
    public void IsExpression_RecognisesGetAndFunctions(string json, bool expected) =>
        Assert.Equal(expected, FieldValues.IsExpression(JsonNode.Parse(json)));

    [Theory]
    [InlineData("12", "7", "12")]
    [InlineData("0.5", "7", "0.5")]
    [InlineData("twelve", "7", "\"twelve\"")]
    [InlineData("false", "true", "false")]
    [InlineData("12", "\"old\"", "\"12\"")]
    [InlineData("true", null, "\"true\"")]
    public void LiteralFromText_KeepsThePreviousKindWhenItFits(string text, string? previous, string expected) =>
        Assert.Equal(expected, FieldValues.LiteralFromText(text, previous is null ? null : JsonNode.Parse(previous)).ToJsonString());

    [Theory]
    [InlineData("0.75", "0.75")]
    [InlineData("3", "3")]
    [InlineData("true", "true")]
    [InlineData("Approved", "\"Approved\"")]
    [InlineData("\"0.75\"", "\"0.75\"")]
    [InlineData("\"true\"", "\"true\"")]
    public void ValueFromText_TypesNumbersAndBooleansAndHonoursQuotes(string text, string json) =>
        Assert.Equal(json, FieldValues.ValueFromText(text).ToJsonString());

    [Fact]
    public void ValueFromText_UnclosedQuote_IsPlainText() =>
        Assert.Equal("\"unclosed", FieldValues.ValueFromText("\"unclosed").GetValue<string>());

    [Theory]
    [InlineData("0.75")]
    [InlineData("true")]
    [InlineData("\"Approved\"")]
    [InlineData("\"0.75\"")]
    [InlineData("\"\"")]
    public void ValueText_RoundTripsThroughValueFromText(string json)
    {
        var node = JsonNode.Parse(json);

        Assert.Equal(json, FieldValues.ValueFromText(FieldValues.ValueText(node)).ToJsonString());
    }

    [Fact]
    public void JsonEncodedStrings_RoundTrip()
    {
        Assert.Equal("\"train.py\"", FieldValues.EncodeJsonString("train.py"));
        Assert.Equal("train.py", FieldValues.DecodeJsonString("\"train.py\""));
        Assert.Equal("train.py", FieldValues.LiteralText(JsonValue.Create("\"train.py\""), jsonEncoded: true));
        Assert.Equal("plain", FieldValues.DecodeJsonString("plain"));
        Assert.Equal("\"broken", FieldValues.DecodeJsonString("\"broken"));
    }

    [Fact]
    public void UniqueItemName_SkipsTakenNames()
    {
        var items = (JsonArray)JsonNode.Parse("""[{"OutputName":"output"},{"OutputName":"output-2"}]""")!;

        Assert.Equal("output-3", FieldValues.UniqueItemName(items, "OutputName", "output"));
        Assert.Equal("input", FieldValues.UniqueItemName(items, "InputName", "input"));
    }

    [Theory]
    [InlineData("$.Steps[1].Arguments.ProcessingInputs[0].S3Input.S3Uri", "Arguments.ProcessingInputs")]
    [InlineData("$.Steps[1].Arguments.AppSpecification.ImageUri", "Arguments.AppSpecification.ImageUri")]
    [InlineData("$.Steps[1].CacheConfig.ExpireAfter", "CacheConfig.ExpireAfter")]
    [InlineData("$.Steps[1].Arguments.AppSpecification", null)]
    [InlineData("$.Steps[1]", null)]
    [InlineData("$.Steps[10].Arguments.AppSpecification.ImageUri", null)]
    [InlineData("$.Steps[1].Arguments.ProcessingInputsX", null)]
    public void MatchField_PicksTheLongestCoveringField(string issuePath, string? expected) =>
        Assert.Equal(expected, FieldIssues.MatchField(StepFields.All("Processing"), "$.Steps[1]", issuePath));
}
