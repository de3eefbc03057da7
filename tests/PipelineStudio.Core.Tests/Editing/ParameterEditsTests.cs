using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Tests.Editing;

public class ParameterEditsTests
{
    private static PipelineDefinition Parse(string parameters = """[{"Name":"Seed","Type":"Integer","DefaultValue":42,"Description":"kept"}]""") =>
        PipelineDefinition.Parse("""{"Version":"2020-12-01","Parameters":""" + parameters +
            ""","Steps":[{"Name":"F","Type":"Fail","Arguments":{"ErrorMessage":{"Get":"Parameters.Seed"}}}]}""").Definition!;

    [Theory]
    [InlineData(ParameterType.Integer, "7", "7")]
    [InlineData(ParameterType.Float, "0.25", "0.25")]
    [InlineData(ParameterType.Boolean, "True", "true")]
    [InlineData(ParameterType.String, " spaced ", "\" spaced \"")]
    public void Add_TypedDefault_IsWrittenWithItsJsonType(ParameterType type, string text, string json)
    {
        var result = ParameterEdits.Add(Parse(), new ParameterSpec("New", type, text, []));

        var added = result["Parameters"]![1]!;
        Assert.Equal(type.ToString(), (string?)added["Type"]);
        Assert.Equal(json, added["DefaultValue"]!.ToJsonString());
        Assert.False(DefinitionValidator.Validate(result.ToJsonString()).HasErrors);
    }

    [Fact]
    public void Add_NoDefaultAndEnum_WritesEnumValuesOnly()
    {
        var result = ParameterEdits.Add(Parse(), new ParameterSpec("Mode", ParameterType.String, "", ["a", "b"]));

        Assert.Equal("""{"Name":"Mode","Type":"String","EnumValues":["a","b"]}""", result["Parameters"]![1]!.ToJsonString());
    }

    [Theory]
    [InlineData("Seed", ParameterType.String, "", "already a parameter named 'Seed'")]
    [InlineData("bad name", ParameterType.String, "", "not a valid parameter name")]
    [InlineData("N", ParameterType.Integer, "1.5", "not a whole number")]
    [InlineData("N", ParameterType.Float, "abc", "not a number")]
    [InlineData("N", ParameterType.Boolean, "yes", "true or false")]
    public void Check_BadSpec_SaysWhatIsWrong(string name, ParameterType type, string text, string expected)
    {
        var problem = ParameterEdits.Check(Parse(), null, new ParameterSpec(name, type, text, []));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ParameterEdits.Add(Parse(), new ParameterSpec(name, type, text, [])));
    }

    [Fact]
    public void Check_EnumProblems_AreReported()
    {
        Assert.Contains("not one of the allowed values", ParameterEdits.Check(Parse(), null, new ParameterSpec("M", ParameterType.String, "c", ["a", "b"])));
        Assert.Contains("Only String", ParameterEdits.Check(Parse(), null, new ParameterSpec("M", ParameterType.Integer, "", ["1"])));
        Assert.Contains("repeat", ParameterEdits.Check(Parse(), null, new ParameterSpec("M", ParameterType.String, "", ["a", "a"])));
    }

    [Fact]
    public void Change_SameName_KeepsUnknownMembersAndRemovesAClearedDefault()
    {
        var result = ParameterEdits.Change(Parse(), "Seed", new ParameterSpec("Seed", ParameterType.Integer, "", []));

        Assert.Equal("""{"Name":"Seed","Type":"Integer","Description":"kept"}""", result["Parameters"]![0]!.ToJsonString());
    }

    [Fact]
    public void Change_KeepingItsOwnName_IsNotADuplicate() =>
        Assert.Null(ParameterEdits.Check(Parse(), "Seed", new ParameterSpec("Seed", ParameterType.Integer, "1", [])));

    [Fact]
    public void Delete_ReferencedParameter_LeavesTheReferenceForValidationToReport()
    {
        var definition = Parse();
        Assert.Equal(["F"], ParameterRename.Users(definition, "Seed"));

        var result = ParameterEdits.Delete(definition, "Seed");

        Assert.Empty(result["Parameters"]!.AsArray());
        Assert.Contains(DefinitionValidator.Validate(result.ToJsonString()).Issues, i => i.Code == IssueCodes.UndeclaredParameter);
    }

    [Fact]
    public void Delete_Unknown_Throws() =>
        Assert.Throws<ArgumentException>(() => ParameterEdits.Delete(Parse(), "Nope"));

    [Theory]
    [InlineData("42", "42")]
    [InlineData("\"x\"", "x")]
    [InlineData("false", "false")]
    [InlineData("0.5", "0.5")]
    public void DefaultText_ShowsTheValue(string json, string expected) =>
        Assert.Equal(expected, ParameterEdits.DefaultText(System.Text.Json.Nodes.JsonNode.Parse(json)));
}
