using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class DocumentRulesTests
{
    private const string OneStep = """[{"Name":"A","Type":"Fail","Arguments":{}}]""";

    [Fact]
    public void Validate_MalformedJson_ReportsPS001WithLineAndColumn()
    {
        var issue = HasIssue("{\n  \"Steps\": [,]\n}", IssueCodes.MalformedJson, "$");

        Assert.Equal(2, issue.Line);
        Assert.NotNull(issue.Column);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void Validate_DocumentNotAnObject_ReportsPS002(string json) => HasIssue(json, IssueCodes.NotAnObject, "$");

    [Fact]
    public void Validate_NestingDeeperThanLimit_ReportsPS003()
    {
        var depth = DefinitionJson.MaxDepth + 10;
        var json = new string('[', depth) + new string(']', depth);

        HasIssue(json, IssueCodes.NestingTooDeep, "$");
    }

    [Fact]
    public void Validate_WellFormedObject_ReportsNoParseIssue()
    {
        var json = Definition(OneStep);

        NoIssue(json, IssueCodes.MalformedJson);
        NoIssue(json, IssueCodes.NotAnObject);
        NoIssue(json, IssueCodes.NestingTooDeep);
    }

    [Fact]
    public void Validate_TextLongerThanOneMebibyte_ReportsPS004AndStillValidatesTheRest()
    {
        var json = Definition("""[{"Name":"A","Type":"Fail","Arguments":{},"DependsOn":["Nope"]}]""")
            + new string(' ', DefinitionJson.MaxDefinitionLength);

        var report = Validate(json);

        HasIssue(report, IssueCodes.DefinitionTooLarge, "$");
        HasIssue(report, IssueCodes.DependsOnUnknownStep);
    }

    [Fact]
    public void Validate_TextExactlyAtTheLimit_ReportsNoPS004()
    {
        var json = Definition(OneStep);
        json += new string(' ', DefinitionJson.MaxDefinitionLength - json.Length);

        NoIssue(json, IssueCodes.DefinitionTooLarge);
    }

    [Fact]
    public void Validate_VersionMissing_ReportsPS005Warning()
    {
        var issue = HasIssue($$$"""{"Steps":{{{OneStep}}}}""", IssueCodes.UnsupportedVersion, "$");

        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_VersionUnknown_ReportsPS005Error()
    {
        var issue = HasIssue($$$"""{"Version":"2021-01-01","Steps":{{{OneStep}}}}""", IssueCodes.UnsupportedVersion, "$.Version");

        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("2021-01-01", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CurrentVersion_ReportsNoPS005() => NoIssue(Definition(OneStep), IssueCodes.UnsupportedVersion);

    [Theory]
    [InlineData("""{"Version":"2020-12-01","Steps":{}}""", "$.Steps")]
    [InlineData("""{"Version":"2020-12-01","Steps":[{"Name":"A","Type":"Fail"}],"Parameters":{}}""", "$.Parameters")]
    [InlineData("""{"Version":"2020-12-01","Steps":[{"Name":"A","Type":"Fail"}],"Metadata":[]}""", "$.Metadata")]
    [InlineData("""{"Version":2020,"Steps":[{"Name":"A","Type":"Fail"}]}""", "$.Version")]
    [InlineData("""{"Version":"2020-12-01","Steps":[{"Name":"A","Type":"Fail"}],"PipelineExperimentConfig":"x"}""", "$.PipelineExperimentConfig")]
    public void Validate_TopLevelFieldOfWrongKind_ReportsPS006(string json, string path) => HasIssue(json, IssueCodes.WrongFieldType, path);

    [Fact]
    public void Validate_TopLevelFieldsOfRightKind_ReportsNoPS006() => NoIssue(Definition(OneStep), IssueCodes.WrongFieldType);

    [Theory]
    [InlineData("""{"bad key!":"x"}""", "$.Metadata['bad key!']")]
    [InlineData("""{"Owner":42}""", "$.Metadata.Owner")]
    public void Validate_BadMetadata_ReportsPS007(string metadata, string path) =>
        HasIssue($$$"""{"Version":"2020-12-01","Metadata":{{{metadata}}},"Steps":{{{OneStep}}}}""", IssueCodes.InvalidMetadata, path);

    [Fact]
    public void Validate_MetadataValueOver1024Chars_ReportsPS007()
    {
        var json = $$$"""{"Version":"2020-12-01","Metadata":{"Note":"{{{new string('x', 1025)}}}"},"Steps":{{{OneStep}}}}""";

        HasIssue(json, IssueCodes.InvalidMetadata, "$.Metadata.Note");
    }

    [Fact]
    public void Validate_GoodMetadata_ReportsNoPS007() =>
        NoIssue($$$"""{"Version":"2020-12-01","Metadata":{"Owner-team_1":"ml"},"Steps":{{{OneStep}}}}""", IssueCodes.InvalidMetadata);

    [Theory]
    [InlineData("""{"Version":"2020-12-01"}""", "$")]
    [InlineData("""{"Version":"2020-12-01","Steps":[]}""", "$.Steps")]
    public void Validate_NoSteps_ReportsPS010(string json, string path) => HasIssue(json, IssueCodes.MissingSteps, path);

    [Fact]
    public void Validate_OneStep_ReportsNoPS010() => NoIssue(Definition(OneStep), IssueCodes.MissingSteps);
}
