using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class ExtensionFunctionTests
{
    [Theory]
    [InlineData("""{"PipelineStudio:Add":[1,2,3]}""", "6")]
    [InlineData("""{"PipelineStudio:Add":[1,2.5]}""", "3.5")]
    [InlineData("""{"PipelineStudio:Subtract":[10,3,2]}""", "5")]
    [InlineData("""{"PipelineStudio:Subtract":[1,1.5]}""", "-0.5")]
    [InlineData("""{"PipelineStudio:Multiply":[2,3,4]}""", "24")]
    [InlineData("""{"PipelineStudio:Multiply":[2,0.25]}""", "0.5")]
    [InlineData("""{"PipelineStudio:Divide":[5,2]}""", "2.5")]
    [InlineData("""{"PipelineStudio:Divide":[100,2,5]}""", "10")]
    [InlineData("""{"PipelineStudio:Add":[{"Get":"Parameters.Epochs"},{"Get":"Parameters.LearningRate"}]}""", "10.1")]
    [InlineData("""{"PipelineStudio:Multiply":[{"Get":"Parameters.Epochs"},{"PipelineStudio:Add":[1,1]}]}""", "20")]
    public async Task Arithmetic_Numbers_GivesResult(string json, string expected)
    {
        Assert.Equal(expected, Text(await EvaluateAsync(json)));
    }

    [Theory]
    [InlineData("""{"PipelineStudio:Add":[2,3]}""", "5")]
    [InlineData("""{"PipelineStudio:Divide":[4,2]}""", "2.0")]
    [InlineData("""{"PipelineStudio:Add":[2.0,3]}""", "5.0")]
    [InlineData("""{"PipelineStudio:Multiply":[{"Get":"Parameters.Epochs"},3]}""", "30")]
    public async Task Arithmetic_Result_KeepsIntegerOrFloatForJoin(string json, string expected)
    {
        var result = await EvaluateAsync($$$"""{"Std:Join":{"On":"","Values":[{{{json}}}]}}""");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"PipelineStudio:Divide":[1,0]}""", "$.Steps[0].Arguments['PipelineStudio:Divide'][1]", "division by zero")]
    [InlineData("""{"PipelineStudio:Add":[9223372036854775807,1]}""", "$.Steps[0].Arguments['PipelineStudio:Add'][1]", "does not fit in a 64-bit integer")]
    [InlineData("""{"PipelineStudio:Add":[1,"2"]}""", "$.Steps[0].Arguments['PipelineStudio:Add'][1]", "this operand is a string (\"2\") (convert text with PipelineStudio:ToNumber)")]
    [InlineData("""{"PipelineStudio:Add":[1,true]}""", "$.Steps[0].Arguments['PipelineStudio:Add'][1]", "this operand is a boolean")]
    [InlineData("""{"PipelineStudio:Add":[1]}""", "$.Steps[0].Arguments['PipelineStudio:Add']", "at least two numbers; it has 1")]
    [InlineData("""{"PipelineStudio:Subtract":{"a":1}}""", "$.Steps[0].Arguments['PipelineStudio:Subtract']", "must be a list")]
    [InlineData("""{"PipelineStudio:Multiply":[1e308,10]}""", "$.Steps[0].Arguments['PipelineStudio:Multiply'][1]", "too large")]
    public async Task Arithmetic_BadOperands_ThrowsNamingOperand(string json, string path, string expected)
    {
        var ex = await FailsAsync(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Format":"lr={0}","Values":[{"Get":"Parameters.LearningRate"}]}""", "lr=0.1")]
    [InlineData("""{"Format":"{0}-{1}-{2}","Values":[{"Get":"Parameters.Whole"},true,"x"]}""", "2.0-True-x")]
    [InlineData("""{"Format":"{0:F2}|{1:D3}","Values":[0.5,7]}""", "0.50|007")]
    [InlineData("""{"Format":"{{literal}} {0}","Values":[null]}""", "{literal} None")]
    [InlineData("""{"Format":{"Get":"Parameters.Region"},"Values":[]}""", "eu-west-1")]
    public async Task Format_Values_FillsPlaceholders(string arguments, string expected)
    {
        var result = await EvaluateAsync($$"""{"PipelineStudio:Format":{{arguments}}}""");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"Format":"{1}","Values":["a"]}""", "does not fit its 1 value(s)")]
    [InlineData("""{"Format":"{0:F2}","Values":["a"]}""", "'F2' formats numbers, but the value is a string")]
    [InlineData("""{"Format":"{0}","Values":[[1]]}""", "this value is an array")]
    [InlineData("""{"Format":1,"Values":[]}""", "'Format' must be a string")]
    [InlineData("""{"Values":[]}""", "needs an object with 'Format'")]
    [InlineData("""{"Format":"x","Values":"a"}""", "'Values' must be a list")]
    public async Task Format_BadArguments_Throws(string arguments, string expected)
    {
        var ex = await FailsAsync($$"""{"PipelineStudio:Format":{{arguments}}}""");

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"42\"", "42")]
    [InlineData("\" -7 \"", "-7")]
    [InlineData("\"0.5\"", "0.5")]
    [InlineData("\"1e3\"", "1000")]
    [InlineData("3", "3")]
    [InlineData("2.5", "2.5")]
    [InlineData("""{"Get":"Steps.Train.HyperParameters['epochs']"}""", "10")]
    public async Task ToNumber_NumberOrNumericText_GivesNumber(string argument, string expected)
    {
        var result = await EvaluateAsync($$"""{"PipelineStudio:ToNumber":{{argument}}}""");

        Assert.Equal(expected, Text(result));
    }

    [Fact]
    public async Task ToNumber_IntegerText_IsAnIntegerForLaterArithmetic()
    {
        var result = await EvaluateAsync("""{"PipelineStudio:Add":[{"PipelineStudio:ToNumber":"2"},1]}""");

        Assert.True(result!.AsValue().TryGetValue<long>(out var sum));
        Assert.Equal(3L, sum);
    }

    [Theory]
    [InlineData("\"ten\"", "a string (\"ten\") is not a number")]
    [InlineData("true", "a boolean (true) is not a number")]
    [InlineData("null", "null is not a number")]
    [InlineData("\"Infinity\"", "is not a number")]
    public async Task ToNumber_NotNumeric_Throws(string argument, string expected)
    {
        var ex = await FailsAsync($$"""{"PipelineStudio:ToNumber":{{argument}}}""");

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.Steps[0].Arguments['PipelineStudio:ToNumber']", ex.JsonPath);
    }

    [Theory]
    [InlineData("\"x\"", "x")]
    [InlineData("3", "3")]
    [InlineData("0.5", "0.5")]
    [InlineData("true", "True")]
    [InlineData("null", "None")]
    [InlineData("""{"Get":"Parameters.Epochs"}""", "10")]
    public async Task ToString_Scalar_GivesJoinText(string argument, string expected)
    {
        var result = await EvaluateAsync($$"""{"PipelineStudio:ToString":{{argument}}}""");

        Assert.Equal(expected, result!.GetValue<string>());
    }

    [Fact]
    public async Task ToString_Object_Throws()
    {
        var ex = await FailsAsync("""{"PipelineStudio:ToString":{"a":1}}""");

        Assert.Contains("this value is an object", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownExtension_ListsTheKnownOnes()
    {
        var ex = await FailsAsync("""{"PipelineStudio:Concat":["a","b"]}""");

        Assert.Contains("Unknown function 'PipelineStudio:Concat'; PipelineStudio provides PipelineStudio:Add,", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PipelineStudio:Add", true)]
    [InlineData("PipelineStudio:ToString", true)]
    [InlineData("PipelineStudio:Concat", false)]
    [InlineData("Std:Join", false)]
    public void IsKnown_Name_MatchesTheEvaluatedSet(string name, bool expected)
    {
        Assert.Equal(expected, ExtensionFunctions.IsKnown(name));
    }

    [Fact]
    public async Task Names_EveryListedFunction_IsEvaluated()
    {
        foreach (var name in ExtensionFunctions.Names)
        {
            var ex = await Record.ExceptionAsync(() => EvaluateAsync($$"""{"{{name}}":null}"""));

            Assert.DoesNotContain("Unknown function", ex?.Message ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Extension_InsideArguments_EvaluatesInPlace()
    {
        var node = JsonNode.Parse("""{"HyperParameters":{"epochs":{"PipelineStudio:ToString":{"PipelineStudio:Multiply":[{"Get":"Parameters.Epochs"},2]}}}}""");

        var result = await ExpressionEvaluator.EvaluateAsync(node, Context());

        Assert.Equal("""{"HyperParameters":{"epochs":"20"}}""", Text(result));
    }
}
