using System.Diagnostics;
using System.Text;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class HostileInputTests
{
    // Generous enough for a loaded 2-core CI machine; the point is "no hang", not a benchmark.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public void Validate_FiveMegabyteDefinition_ReportsPS004Quickly()
    {
        var steps = new StringBuilder("[");
        for (var i = 0; steps.Length < 5_000_000; i++)
        {
            steps.Append(i == 0 ? "" : ",").Append($$$"""{"Name":"S{{{i}}}","Type":"Training","Arguments":{"X":{"Get":"Steps.S{{{Math.Max(0, i - 1)}}}.TrainingJobName"} }}""");
        }

        var json = Definition(steps.Append(']').ToString());

        var watch = Stopwatch.StartNew();
        var report = Validate(json);

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        HasIssue(report, IssueCodes.DefinitionTooLarge, "$");
    }

    [Fact]
    public void Validate_TextFarBeyondParsedLimit_ReportsOnlyPS004WithoutParsing()
    {
        var json = "{" + new string(' ', DefinitionValidator.MaxParsedLength) + "\"oops\"";

        var report = Validate(json);

        Assert.Equal([IssueCodes.DefinitionTooLarge], report.Issues.Select(i => i.Code));
        Assert.Null(report.Definition);
    }

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void Validate_HundredThousandDeepNesting_ReportsPS003Quickly(char open, char close)
    {
        const int depth = 100_000;
        var inner = open == '{' ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) : new string(open, depth) + new string(close, depth);
        var json = $$$"""{"Version":"2020-12-01","Steps":[{"Name":"A","Type":"Training","Arguments":{"Deep":{{{inner}}}}}]}""";

        var watch = Stopwatch.StartNew();
        var report = Validate(json);

        Assert.True(watch.Elapsed < Quickly, $"took {watch.Elapsed}");
        HasIssue(report, IssueCodes.NestingTooDeep, "$");
    }

    [Fact]
    public void Validate_ConditionsNestedToTheParserLimit_ReportsWithoutOverflow()
    {
        // Each Not level costs two JSON levels; stay just inside the parser's limit.
        var levels = (DefinitionJson.MaxDepth / 2) - 8;
        var conditions = string.Concat(Enumerable.Repeat("""{"Type":"Not","Condition":""", levels)) + """{"Type":"Nope"}""" + new string('}', levels);
        var json = Definition($$$"""[{"Name":"C","Type":"Condition","Arguments":{"Conditions":[{{{conditions}}}]}}]""");

        HasIssue(json, IssueCodes.UnknownConditionType);
    }

    [Fact]
    public void Validate_DeeplyNestedDefaultValue_ReportsPS033WithoutWritingTheValue()
    {
        // Deeper than the serializer's default depth of 64, which a message must never trip over.
        var deep = new string('[', 200) + new string(']', 200);
        var json = Definition("""[{"Name":"A","Type":"Fail","Arguments":{}}]""", $$"""[{"Name":"P","Type":"Integer","DefaultValue":{{deep}}}]""");

        HasIssue(json, IssueCodes.DefaultValueWrongType, "$.Parameters[0].DefaultValue");
    }

    [Fact]
    public void Validate_ProgrammaticDefinitionDeeperThanTheParserAllows_DoesNotOverflow()
    {
        var node = new System.Text.Json.Nodes.JsonObject { ["Type"] = "Nope" };
        for (var i = 0; i < 2_000; i++)
        {
            node = new System.Text.Json.Nodes.JsonObject { ["Type"] = "Not", ["Condition"] = node };
        }

        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["Version"] = "2020-12-01",
            ["Steps"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["Name"] = "C", ["Type"] = "Condition", ["Arguments"] = new System.Text.Json.Nodes.JsonObject { ["Conditions"] = new System.Text.Json.Nodes.JsonArray(node) },
            }),
        };

        var issues = DefinitionValidator.Validate(PipelineDefinition.FromJson(json));

        Assert.Contains(issues, i => i.Code == IssueCodes.UnknownConditionType);
    }
}
