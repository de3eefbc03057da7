using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class ParameterRulesTests
{
    private const string OneStep = """[{"Name":"A","Type":"Fail","Arguments":{}}]""";

    private static string WithParameters(string parameters) => Definition(OneStep, parameters);

    [Fact]
    public void Validate_DuplicateParameterName_ReportsPS030NamingIt()
    {
        var issue = HasIssue(WithParameters("""[{"Name":"Rate","Type":"Float"},{"Name":"Rate","Type":"Float"}]"""),
            IssueCodes.DuplicateParameterName, "$.Parameters[1].Name");

        Assert.Contains("'Rate'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DistinctParameterNames_ReportsNoPS030() =>
        NoIssue(WithParameters("""[{"Name":"Rate","Type":"Float"},{"Name":"Count","Type":"Integer"}]"""), IssueCodes.DuplicateParameterName);

    [Theory]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("")]
    public void Validate_ParameterNameBreakingPattern_ReportsPS031(string name) =>
        HasIssue(WithParameters($$"""[{"Name":"{{name}}","Type":"String"}]"""), IssueCodes.InvalidParameterName, "$.Parameters[0].Name");

    [Fact]
    public void Validate_ParameterNameOf65Chars_ReportsPS031() =>
        HasIssue(WithParameters($$"""[{"Name":"{{new string('a', 65)}}"}]"""), IssueCodes.InvalidParameterName);

    [Fact]
    public void Validate_ParameterNameWithHyphenAndUnderscore_ReportsNoPS031() =>
        NoIssue(WithParameters("""[{"Name":"Input-Data_2","Type":"String"}]"""), IssueCodes.InvalidParameterName);

    [Fact]
    public void Validate_ParameterWithoutName_ReportsPS026() =>
        HasIssue(WithParameters("""[{"Type":"String"}]"""), IssueCodes.MissingRequiredField, "$.Parameters[0]");

    [Theory]
    [InlineData("""[42]""", "$.Parameters[0]")]
    [InlineData("""[{"Name":7}]""", "$.Parameters[0].Name")]
    [InlineData("""[{"Name":"P","Type":1}]""", "$.Parameters[0].Type")]
    [InlineData("""[{"Name":"P","EnumValues":"a"}]""", "$.Parameters[0].EnumValues")]
    public void Validate_ParameterFieldOfWrongKind_ReportsPS006(string parameters, string path) =>
        HasIssue(WithParameters(parameters), IssueCodes.WrongFieldType, path);

    [Theory]
    [InlineData("Text")]
    [InlineData("integer")]
    public void Validate_UnknownParameterType_ReportsPS032(string type) =>
        HasIssue(WithParameters($$"""[{"Name":"P","Type":"{{type}}"}]"""), IssueCodes.UnknownParameterType, "$.Parameters[0].Type");

    [Theory]
    [InlineData("String")]
    [InlineData("Integer")]
    [InlineData("Float")]
    [InlineData("Boolean")]
    public void Validate_KnownParameterType_ReportsNoPS032(string type) =>
        NoIssue(WithParameters($$"""[{"Name":"P","Type":"{{type}}"}]"""), IssueCodes.UnknownParameterType);

    [Fact]
    public void Validate_ParameterWithoutType_DefaultsToStringAndReportsNoPS032() =>
        NoIssue(WithParameters("""[{"Name":"P","DefaultValue":"x"}]"""), IssueCodes.UnknownParameterType);

    [Theory]
    [InlineData("Integer", "1.5")]
    [InlineData("Integer", "1.0")]
    [InlineData("Integer", "\"1\"")]
    [InlineData("Float", "\"0.5\"")]
    [InlineData("Float", "true")]
    [InlineData("Boolean", "\"true\"")]
    [InlineData("Boolean", "1")]
    [InlineData("String", "5")]
    public void Validate_DefaultOfWrongJsonType_ReportsPS033(string type, string value) =>
        HasIssue(WithParameters($$$"""[{"Name":"P","Type":"{{{type}}}","DefaultValue":{{{value}}}}]"""), IssueCodes.DefaultValueWrongType, "$.Parameters[0].DefaultValue");

    [Theory]
    [InlineData("Integer", "3")]
    [InlineData("Integer", "-12")]
    [InlineData("Float", "0.5")]
    [InlineData("Float", "6")]
    [InlineData("Boolean", "false")]
    [InlineData("String", "\"s3://bucket/key\"")]
    public void Validate_DefaultOfMatchingJsonType_ReportsNoPS033(string type, string value) =>
        NoIssue(WithParameters($$$"""[{"Name":"P","Type":"{{{type}}}","DefaultValue":{{{value}}}}]"""), IssueCodes.DefaultValueWrongType);

    [Fact]
    public void Validate_DefaultNotInEnumValues_ReportsPS034NamingParameter()
    {
        var issue = HasIssue(WithParameters("""[{"Name":"Instance","Type":"String","DefaultValue":"ml.p3","EnumValues":["ml.m5","ml.c5"]}]"""),
            IssueCodes.DefaultNotInEnum, "$.Parameters[0].DefaultValue");

        Assert.Contains("'Instance'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultInEnumValues_ReportsNoPS034() =>
        NoIssue(WithParameters("""[{"Name":"Instance","Type":"String","DefaultValue":"ml.c5","EnumValues":["ml.m5","ml.c5"]}]"""), IssueCodes.DefaultNotInEnum);
}
