using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Definitions;

public class DefinitionParsingTests
{
    [Theory]
    [InlineData("""{"Version":"2020-12-01","Steps":[],"Steps":[]}""", "Steps")]
    [InlineData("""{"Steps":[{"Name":"A","Name":"B","Type":"Fail","Arguments":{}}]}""", "Name")]
    public void Parse_DuplicateKey_ReportsPS001NamingTheKey(string json, string key)
    {
        var (definition, issue) = PipelineDefinition.Parse(json);

        Assert.Null(definition);
        Assert.Equal(IssueCodes.MalformedJson, issue!.Code);
        Assert.Contains($"'{key}'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedDocument_ReportsMalformedNotTooDeep()
    {
        var (_, issue) = PipelineDefinition.Parse("""{"Steps":[ {"Name":"A" """);

        Assert.Equal(IssueCodes.MalformedJson, issue!.Code);
    }

    [Fact]
    public void Parse_MalformedJson_MessageGivesThePositionOnce()
    {
        var (_, issue) = PipelineDefinition.Parse("{\n  \"Steps\": [1,]\n}");

        Assert.Equal(2, issue!.Line);
        Assert.DoesNotContain("LineNumber", issue.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", issue.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Corpus() => [.. SampleDefinitions.CorpusNames];

    // Definitions read from text are scanned over the parsed elements, edited ones over the node tree:
    // both must find the same references and functions at the same paths.
    [Theory]
    [MemberData(nameof(Corpus))]
    public void ScanStep_ElementAndNodeTrees_FindTheSameExpressions(string name)
    {
        var text = SampleDefinitions.ReadCorpus(name);
        var fromText = PipelineDefinition.Parse(text).Definition!;
        var fromNodes = PipelineDefinition.FromJson(JsonNode.Parse(text)!.AsObject());

        Assert.Equal(fromNodes.AllSteps.Count, fromText.AllSteps.Count);
        for (var i = 0; i < fromText.AllSteps.Count; i++)
        {
            var a = fromText.AllSteps[i].Expressions;
            var b = ExpressionScanner.ScanStep(fromNodes.AllSteps[i]);
            Assert.Equal(b.References, a.References);
            Assert.Equal(b.Functions.Select(f => (f.Name, f.JsonPath)), a.Functions.Select(f => (f.Name, f.JsonPath)));
        }
    }

    [Fact]
    public void ScanStep_ConditionStep_LeavesBranchStepsToThemselves()
    {
        var text = SampleDefinitions.ReadCorpus(SampleDefinitions.CorpusNames.First(n => n.Contains("nested", StringComparison.Ordinal)));
        var definition = PipelineDefinition.Parse(text).Definition!;

        foreach (var condition in definition.AllSteps.Where(s => s.IsCondition))
        {
            Assert.DoesNotContain(condition.Expressions.References, r => r.JsonPath.Contains("IfSteps", StringComparison.Ordinal) && r.JsonPath.StartsWith(condition.JsonPath + ".Arguments.IfSteps", StringComparison.Ordinal));
            Assert.DoesNotContain(condition.Expressions.References, r => r.JsonPath.StartsWith(condition.JsonPath + ".Arguments.ElseSteps", StringComparison.Ordinal));
        }
    }
}
