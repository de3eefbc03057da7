using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class ConditionRulesTests
{
    private static string WithConditions(string conditions) => Definition($$$"""
        [{"Name":"Gate","Type":"Condition","Arguments":{"Conditions":{{{conditions}}},"IfSteps":[],"ElseSteps":[]}}]
        """);

    [Theory]
    [InlineData("""[{"Type":"NotEquals","LeftValue":1,"RightValue":2}]""", "$.Steps[0].Arguments.Conditions[0].Type")]
    [InlineData("""[{"Type":"Not","Condition":{"Type":"Between","LeftValue":1,"RightValue":2}}]""", "$.Steps[0].Arguments.Conditions[0].Condition.Type")]
    [InlineData("""[{"Type":"Or","Conditions":[{"Type":"Equals","LeftValue":1,"RightValue":1},{"Type":"Xor"}]}]""", "$.Steps[0].Arguments.Conditions[0].Conditions[1].Type")]
    public void Validate_UnknownConditionType_ReportsPS023(string conditions, string path)
    {
        var issue = HasIssue(WithConditions(conditions), IssueCodes.UnknownConditionType, path);

        Assert.Equal("Gate", issue.StepName);
    }

    [Theory]
    [InlineData("Equals")]
    [InlineData("GreaterThan")]
    [InlineData("GreaterThanOrEqualTo")]
    [InlineData("LessThan")]
    [InlineData("LessThanOrEqualTo")]
    public void Validate_KnownComparison_ReportsNoConditionIssue(string type)
    {
        var json = WithConditions($$"""[{"Type":"{{type}}","LeftValue":1,"RightValue":2}]""");

        NoIssue(json, IssueCodes.UnknownConditionType);
        NoIssue(json, IssueCodes.MalformedCondition);
    }

    [Theory]
    [InlineData("""[{"Type":"In","QueryValue":"a","Values":["a","b"]}]""")]
    [InlineData("""[{"Type":"In","Value":"a","In":["a","b"]}]""")]
    [InlineData("""[{"Type":"Not","Condition":{"Type":"Equals","LeftValue":1,"RightValue":2}}]""")]
    [InlineData("""[{"Type":"Or","Conditions":[{"Type":"Not","Condition":{"Type":"In","QueryValue":1,"Values":[2]}}]}]""")]
    public void Validate_InNotOrInEveryShape_ReportsNoConditionIssue(string conditions)
    {
        var json = WithConditions(conditions);

        NoIssue(json, IssueCodes.UnknownConditionType);
        NoIssue(json, IssueCodes.MalformedCondition);
    }

    [Theory]
    [InlineData("""[{"Type":"Equals","LeftValue":1}]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[{"LeftValue":1,"RightValue":1}]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[{"Type":"In","QueryValue":"a"}]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[{"Type":"In","Value":"a","In":"a"}]""", "$.Steps[0].Arguments.Conditions[0].In")]
    [InlineData("""[{"Type":"Not"}]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[{"Type":"Or"}]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[{"Type":"Or","Conditions":[{"Type":"Not","Condition":{"Type":"LessThan","RightValue":3}}]}]""", "$.Steps[0].Arguments.Conditions[0].Conditions[0].Condition")]
    [InlineData("""["x"]""", "$.Steps[0].Arguments.Conditions[0]")]
    [InlineData("""[]""", "$.Steps[0].Arguments.Conditions")]
    public void Validate_MalformedCondition_ReportsPS024(string conditions, string path) =>
        HasIssue(WithConditions(conditions), IssueCodes.MalformedCondition, path);

    [Fact]
    public void Validate_NotNestedManyLevels_ReportsTheInnerProblemWithoutRecursing()
    {
        var depth = 100;
        var conditions = "[" + string.Concat(Enumerable.Repeat("""{"Type":"Not","Condition":""", depth)) + """{"Type":"Equals"}""" + new string('}', depth) + "]";

        var issue = HasIssue(WithConditions(conditions), IssueCodes.MalformedCondition);

        Assert.EndsWith(".Condition", issue.Path, StringComparison.Ordinal);
    }
}
