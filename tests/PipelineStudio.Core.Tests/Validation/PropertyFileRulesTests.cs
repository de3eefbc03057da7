using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class PropertyFileRulesTests
{
    private static string Processing(string outputs, string outputName) => Definition($$$"""
        [{"Name":"Eval","Type":"Processing","Arguments":{"ProcessingOutputConfig":{"Outputs":{{{outputs}}}}},
          "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"{{{outputName}}}","FilePath":"evaluation.json"}]}]
        """);

    [Fact]
    public void Validate_PropertyFileNamingUndeclaredOutput_ReportsPS021NamingOutputs()
    {
        var issue = HasIssue(Processing("""[{"OutputName":"evaluation"},{"OutputName":"test"}]""", "eval"),
            IssueCodes.PropertyFileUnknownOutput, "$.Steps[0].PropertyFiles[0].OutputName");

        Assert.Equal("Eval", issue.StepName);
        Assert.Contains("evaluation, test", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PropertyFileOnStepThatIsNotProcessing_ReportsPS021() =>
        HasIssue(Definition("""
            [{"Name":"T","Type":"Training","Arguments":{},"PropertyFiles":[{"PropertyFileName":"R","OutputName":"o","FilePath":"f.json"}]}]
            """), IssueCodes.PropertyFileUnknownOutput, "$.Steps[0].PropertyFiles");

    [Fact]
    public void Validate_PropertyFileNamingDeclaredOutput_ReportsNoPS021() =>
        NoIssue(Processing("""[{"OutputName":"evaluation"}]""", "evaluation"), IssueCodes.PropertyFileUnknownOutput);

    [Fact]
    public void Validate_OutputsGivenByExpression_ReportsNoPS021BecauseTheyCannotBeKnown() =>
        NoIssue(Processing("""{"Get":"Parameters.Outputs"}""", "anything"), IssueCodes.PropertyFileUnknownOutput);

    [Fact]
    public void Validate_PropertyFileWithoutFilePath_ReportsPS026() =>
        HasIssue(Definition("""
            [{"Name":"Eval","Type":"Processing","Arguments":{},"PropertyFiles":[{"PropertyFileName":"R","OutputName":"o"}]}]
            """), IssueCodes.MissingRequiredField, "$.Steps[0].PropertyFiles[0]");
}
