using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class ConditionTests
{
    private static Task<bool> CompareAsync(string type, string left, string right) =>
        ConditionAsync($$"""{"Type":"{{type}}","LeftValue":{{left}},"RightValue":{{right}}}""");

    [Theory]
    [InlineData("1", "1", true)]
    [InlineData("1", "1.0", true)]
    [InlineData("0.5", "0.50", true)]
    [InlineData("1", "2", false)]
    [InlineData("\"a\"", "\"a\"", true)]
    [InlineData("\"a\"", "\"A\"", false)]
    [InlineData("\"1\"", "1", false)]
    [InlineData("true", "\"true\"", false)]
    [InlineData("true", "true", true)]
    [InlineData("true", "1", false)]
    [InlineData("null", "null", true)]
    [InlineData("null", "\"\"", false)]
    [InlineData("[1,\"a\"]", "[1.0,\"a\"]", true)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("""{"a":1,"b":[true]}""", """{"b":[true],"a":1.0}""", true)]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", false)]
    [InlineData("""{"Get":"Parameters.Whole"}""", "2", true)]
    [InlineData("""{"Get":"Parameters.Region"}""", "\"eu-west-1\"", true)]
    public async Task Equals_Operands_UsesJsonEqualityWithNumericNumbers(string left, string right, bool expected)
    {
        Assert.Equal(expected, await CompareAsync("Equals", left, right));
    }

    [Theory]
    [InlineData("GreaterThan", "2", "1", true)]
    [InlineData("GreaterThan", "1", "1.0", false)]
    [InlineData("GreaterThanOrEqualTo", "1", "1.0", true)]
    [InlineData("GreaterThanOrEqualTo", "0.5", "1", false)]
    [InlineData("LessThan", "0.5", "1", true)]
    [InlineData("LessThan", "1", "1", false)]
    [InlineData("LessThanOrEqualTo", "1.0", "1", true)]
    [InlineData("LessThanOrEqualTo", "2", "1", false)]
    [InlineData("GreaterThan", "9007199254740993", "9007199254740992", true)]
    [InlineData("LessThan", "\"apple\"", "\"banana\"", true)]
    [InlineData("GreaterThan", "\"a\"", "\"B\"", true)]
    [InlineData("GreaterThanOrEqualTo", "\"b\"", "\"b\"", true)]
    [InlineData("LessThanOrEqualTo", """{"Get":"Steps.Train.FinalMetricDataList['val:auc'].Value"}""", """{"Get":"Parameters.Threshold"}""", false)]
    [InlineData("GreaterThanOrEqualTo", """{"Get":"Steps.Train.FinalMetricDataList['val:auc'].Value"}""", """{"Get":"Parameters.Threshold"}""", true)]
    public async Task Comparison_NumbersOrStrings_Compares(string type, string left, string right, bool expected)
    {
        Assert.Equal(expected, await CompareAsync(type, left, right));
    }

    [Theory]
    [InlineData("GreaterThan", "\"0.9\"", "0.8", "LeftValue is a string (\"0.9\") and RightValue is a number (0.8)")]
    [InlineData("LessThan", "true", "false", "LeftValue is a boolean (true) and RightValue is a boolean (false)")]
    [InlineData("LessThanOrEqualTo", "null", "1", "LeftValue is null")]
    [InlineData("GreaterThanOrEqualTo", "[1]", "[0]", "LeftValue is an array")]
    public async Task Comparison_MixedOrUnorderedKinds_Throws(string type, string left, string right, string expected)
    {
        var ex = await ConditionFailsAsync($$"""{"Type":"{{type}}","LeftValue":{{left}},"RightValue":{{right}}}""");

        Assert.Contains($"{type} compares two numbers or two strings; {expected}", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.Steps[0].Arguments.Conditions[0]", ex.JsonPath);
    }

    [Theory]
    [InlineData("""{"Type":"In","QueryValue":"b","Values":["a","b"]}""", true)]
    [InlineData("""{"Type":"In","QueryValue":"c","Values":["a","b"]}""", false)]
    [InlineData("""{"Type":"In","QueryValue":1,"Values":[0.5,1.0]}""", true)]
    [InlineData("""{"Type":"In","QueryValue":"1","Values":[1]}""", false)]
    [InlineData("""{"Type":"In","QueryValue":{"Get":"Parameters.Region"},"Values":["us-east-1",{"Get":"Parameters.Region"}]}""", true)]
    [InlineData("""{"Type":"In","Value":"b","In":["a","b"]}""", true)]
    [InlineData("""{"Type":"In","Value":"z","In":["a","b"]}""", false)]
    [InlineData("""{"Type":"In","QueryValue":"a","Values":[]}""", false)]
    public async Task In_BothShapes_TestsMembership(string json, bool expected)
    {
        Assert.Equal(expected, await ConditionAsync(json));
    }

    [Theory]
    [InlineData("""{"Type":"In","QueryValue":"a"}""", "needs 'QueryValue' and 'Values'")]
    [InlineData("""{"Type":"In","Value":"a","Values":["a"]}""", "needs 'QueryValue' and 'Values'")]
    [InlineData("""{"Type":"In","QueryValue":"a","Values":"a"}""", "In's 'Values' must be a list")]
    public async Task In_Malformed_Throws(string json, string expected)
    {
        var ex = await ConditionFailsAsync(json);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Type":"Not","Condition":{"Type":"Equals","LeftValue":1,"RightValue":2}}""", true)]
    [InlineData("""{"Type":"Not","Condition":{"Type":"Equals","LeftValue":1,"RightValue":1}}""", false)]
    [InlineData("""{"Type":"Or","Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":2},{"Type":"LessThan","LeftValue":1,"RightValue":2}]}""", true)]
    [InlineData("""{"Type":"Or","Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":2},{"Type":"In","QueryValue":3,"Values":[1,2]}]}""", false)]
    [InlineData("""{"Type":"Or","Conditions":[]}""", false)]
    [InlineData("""{"Type":"Not","Condition":{"Type":"Or","Conditions":[{"Type":"Not","Condition":{"Type":"Equals","LeftValue":"a","RightValue":"a"}}]}}""", true)]
    public async Task NotAndOr_Nested_Combine(string json, bool expected)
    {
        Assert.Equal(expected, await ConditionAsync(json));
    }

    [Fact]
    public async Task Or_TrueFirst_DoesNotEvaluateTheRest()
    {
        Assert.True(await ConditionAsync("""{"Type":"Or","Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1},{"Type":"Bogus"}]}"""));
    }

    [Theory]
    [InlineData("""{"Type":"NotEquals","LeftValue":1,"RightValue":2}""", "$.Steps[0].Arguments.Conditions[0].Type", "Condition type 'NotEquals' is not one SageMaker runs")]
    [InlineData("""{"LeftValue":1,"RightValue":2}""", "$.Steps[0].Arguments.Conditions[0]", "must be an object with a 'Type'")]
    [InlineData("""{"Type":"Equals","LeftValue":1}""", "$.Steps[0].Arguments.Conditions[0]", "needs 'LeftValue' and 'RightValue'")]
    [InlineData("""{"Type":"Not"}""", "$.Steps[0].Arguments.Conditions[0].Condition", "must be an object with a 'Type'")]
    [InlineData("""{"Type":"Or","Conditions":{"Type":"Equals"}}""", "$.Steps[0].Arguments.Conditions[0]", "needs 'Conditions', a list")]
    [InlineData("""{"Type":"Or","Conditions":[{"Type":"Equals","LeftValue":{"Get":"Parameters.X"},"RightValue":1}]}""", "$.Steps[0].Arguments.Conditions[0].Conditions[0].LeftValue", "no parameter 'X'")]
    public async Task Condition_Malformed_ThrowsNamingWhere(string json, string path, string expected)
    {
        var ex = await ConditionFailsAsync(json);

        Assert.Equal(path, ex.JsonPath);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Condition_OnPropertyFile_ComparesTheReadValue()
    {
        var json = """
            {"Type":"LessThanOrEqualTo",
             "LeftValue":{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"metrics.auc.value"}},
             "RightValue":{"Get":"Parameters.Threshold"}}
            """;

        Assert.False(await ConditionAsync(json));
    }

    [Theory]
    [InlineData("""[{"Type":"Equals","LeftValue":1,"RightValue":1},{"Type":"LessThan","LeftValue":1,"RightValue":2}]""", true)]
    [InlineData("""[{"Type":"Equals","LeftValue":1,"RightValue":1},{"Type":"LessThan","LeftValue":3,"RightValue":2}]""", false)]
    [InlineData("""[{"Type":"Equals","LeftValue":1,"RightValue":2},{"Type":"Bogus"}]""", false)]
    [InlineData("[]", true)]
    public async Task EvaluateConditions_List_IsTheAndOfItsConditions(string json, bool expected)
    {
        var result = await ExpressionEvaluator.EvaluateConditionsAsync(JsonNode.Parse(json), "$.Steps[0].Arguments.Conditions", Context());

        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task EvaluateConditions_ErrorInSecond_NamesItsIndex()
    {
        var conditions = JsonNode.Parse("""[{"Type":"Equals","LeftValue":1,"RightValue":1},{"Type":"GreaterThan","LeftValue":"a","RightValue":1}]""");

        var ex = await Assert.ThrowsAsync<ExpressionException>(() =>
            ExpressionEvaluator.EvaluateConditionsAsync(conditions, "$.Steps[4].Arguments.Conditions", Context()).AsTask());

        Assert.Equal("$.Steps[4].Arguments.Conditions[1]", ex.JsonPath);
    }

    [Fact]
    public async Task EvaluateConditions_NotAList_Throws()
    {
        var ex = await Assert.ThrowsAsync<ExpressionException>(() =>
            ExpressionEvaluator.EvaluateConditionsAsync(JsonNode.Parse("{}"), "$.C", Context()).AsTask());

        Assert.Contains("Conditions must be a list", ex.Message, StringComparison.Ordinal);
    }
}
