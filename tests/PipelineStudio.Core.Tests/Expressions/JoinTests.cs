using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class JoinTests
{
    private static async Task<string> JoinAsync(string values, string on = "\",\"") =>
        (await EvaluateAsync($$$"""{"Std:Join":{"On":{{{on}}},"Values":{{{values}}}}}"""))!.GetValue<string>();

    [Fact]
    public async Task Join_ScalarsOfEveryKind_UsesPythonStrText()
    {
        Assert.Equal("a,1,0.5,True,False,None", await JoinAsync("""["a",1,0.5,true,false,null]"""));
    }

    [Theory]
    [InlineData("2.0", "2.0")]
    [InlineData("2", "2")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1e2", "100.0")]
    [InlineData("1.50", "1.5")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1e15", "1000000000000000.0")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("1.5e-7", "1.5e-07")]
    [InlineData("123456789012345678901234", "123456789012345678901234")]
    [InlineData("1.23456789012345678901234e23", "1.2345678901234569e+23")]
    [InlineData("0.0", "0.0")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("0.1", "0.1")]
    public async Task Join_JsonNumber_WritesItLikePython(string number, string expected)
    {
        Assert.Equal(expected, await JoinAsync($"[{number}]"));
    }

    [Fact]
    public async Task Join_TypedParameters_KeepIntegerAndFloatApart()
    {
        var result = await JoinAsync("""[{"Get":"Parameters.Epochs"},{"Get":"Parameters.Whole"},{"Get":"Parameters.LearningRate"},{"Get":"Parameters.Enabled"}]""", "\" \"");

        Assert.Equal("10 2.0 0.1 True", result);
    }

    [Fact]
    public async Task Join_S3UriFromParametersAndProperties_BuildsTheUri()
    {
        var result = await JoinAsync("""[{"Get":"Steps.Train.OutputDataConfig.S3OutputPath"},{"Get":"Execution.PipelineExecutionId"},"model.tar.gz"]""", "\"/\"");

        Assert.Equal("s3://b/out/exec1/model.tar.gz", result);
    }

    [Fact]
    public async Task Join_WithoutOn_JoinsWithNothing()
    {
        Assert.Equal("ab", (await EvaluateAsync("""{"Std:Join":{"Values":["a","b"]}}"""))!.GetValue<string>());
    }

    [Fact]
    public async Task Join_NestedJoin_IsEvaluatedFirst()
    {
        var result = await JoinAsync("""["x",{"Std:Join":{"On":"-","Values":["a",{"Get":"Parameters.Epochs"}]}}]""");

        Assert.Equal("x,a-10", result);
    }

    [Fact]
    public async Task Join_OnFromExpression_IsUsed()
    {
        var result = await JoinAsync("""["a","b"]""", """{"Get":"Parameters.Region"}""");

        Assert.Equal("aeu-west-1b", result);
    }

    [Fact]
    public async Task Join_EmptyValues_GivesEmptyString()
    {
        Assert.Equal("", await JoinAsync("[]"));
    }

    [Fact]
    public async Task Join_ArrayValue_ThrowsAtThatValue()
    {
        var ex = await FailsAsync("""{"Std:Join":{"On":",","Values":["a",[1,2]]}}""");

        Assert.Equal("$.Steps[0].Arguments['Std:Join'].Values[1]", ex.JsonPath);
        Assert.Contains("this value is an array", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Std:Join":["a","b"]}""", "$.Steps[0].Arguments['Std:Join']", "needs an object with 'Values'")]
    [InlineData("""{"Std:Join":{"On":1,"Values":["a"]}}""", "$.Steps[0].Arguments['Std:Join'].On", "'On' must be a string")]
    [InlineData("""{"Std:Join":{"On":",","Values":"a"}}""", "$.Steps[0].Arguments['Std:Join'].Values", "'Values' must be a list")]
    public async Task Join_MalformedArguments_ThrowsNamingWhere(string json, string path, string expected)
    {
        var ex = await FailsAsync(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_InsideArguments_ReplacesOnlyTheFunctionObject()
    {
        var result = await EvaluateAsync("""{"Env":{"OUT":{"Std:Join":{"On":"/","Values":["s3:/","b"]}},"KEEP":"k"}}""");

        Assert.Equal("""{"Env":{"OUT":"s3://b","KEEP":"k"}}""", Text(result));
    }

    [Fact]
    public async Task Join_FailingReferenceInside_ReportsTheReferencePath()
    {
        var ex = await FailsAsync("""{"Std:Join":{"On":",","Values":["a",{"Get":"Parameters.Nope"}]}}""");

        Assert.Equal("$.Steps[0].Arguments['Std:Join'].Values[1]", ex.JsonPath);
    }

    [Fact]
    public async Task ToString_OfFloatParameter_MatchesJoin()
    {
        var node = JsonNode.Parse("""{"PipelineStudio:ToString":{"Get":"Parameters.Whole"}}""");

        var result = await ExpressionEvaluator.EvaluateAsync(node, Context());

        Assert.Equal("2.0", result!.GetValue<string>());
    }
}
