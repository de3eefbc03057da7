using PipelineStudio.Core.Validation;
using static PipelineStudio.Core.Tests.Validation.ValidationAssert;

namespace PipelineStudio.Core.Tests.Validation;

public class FunctionRulesTests
{
    private const string Eval = """
        {"Name":"Eval","Type":"Processing","Arguments":{},
         "PropertyFiles":[{"PropertyFileName":"Report","OutputName":"evaluation","FilePath":"e.json"}]}
        """;

    private static string WithValue(string value) => Definition($$$"""[{{{Eval}}},{"Name":"T","Type":"Training","Arguments":{"X":{{{value}}}}}]""");

    [Theory]
    [InlineData("""{"Std:Select":{"Values":[]}}""")]
    [InlineData("""{"Std:Concat":["a","b"]}""")]
    public void Validate_UnknownStdFunction_ReportsPS037(string value) =>
        HasIssue(WithValue(value), IssueCodes.UnknownFunction, "$.Steps[1].Arguments.X");

    [Theory]
    [InlineData("""{"Std:Join":{"On":"/","Values":["s3://b",{"Get":"Execution.PipelineExecutionId"}]}}""")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/r.json","Path":"a.b"}}""")]
    [InlineData("""{"PipelineStudio:Add":[1,2]}""")]
    public void Validate_KnownOrExtensionFunction_ReportsNoPS037(string value) =>
        NoIssue(WithValue(value), IssueCodes.UnknownFunction);

    [Theory]
    [InlineData("""{"Std:Join":{"On":"/"}}""", "$.Steps[1].Arguments.X['Std:Join']")]
    [InlineData("""{"Std:Join":["a","b"]}""", "$.Steps[1].Arguments.X['Std:Join']")]
    [InlineData("""{"Std:Join":{"On":1,"Values":[]}}""", "$.Steps[1].Arguments.X['Std:Join'].On")]
    [InlineData("""{"Std:JsonGet":{"Path":"a"}}""", "$.Steps[1].Arguments.X['Std:JsonGet']")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/r.json","PropertyFile":{"Get":"Steps.Eval.PropertyFiles.Report"},"Path":"a"}}""", "$.Steps[1].Arguments.X['Std:JsonGet']")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/r.json"}}""", "$.Steps[1].Arguments.X['Std:JsonGet']")]
    [InlineData("""{"Std:JsonGet":{"PropertyFile":"Report","Path":"a"}}""", "$.Steps[1].Arguments.X['Std:JsonGet'].PropertyFile")]
    [InlineData("""{"Std:JsonGet":"a"}""", "$.Steps[1].Arguments.X['Std:JsonGet']")]
    public void Validate_MalformedFunction_ReportsPS038(string value, string path) =>
        HasIssue(WithValue(value), IssueCodes.MalformedFunction, path);

    [Theory]
    [InlineData("""{"Std:Join":{"On":"","Values":[{"Get":"Parameters.P"}]}}""")]
    [InlineData("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Eval.PropertyFiles.Report"},"Path":"metrics.mse.value"}}""")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":{"Std:Join":{"On":"/","Values":["s3://b","r.json"]}},"Path":"Result[0]"}}""")]
    public void Validate_WellFormedFunction_ReportsNoPS038(string value) =>
        NoIssue(Definition($$$"""[{{{Eval}}},{"Name":"T","Type":"Training","Arguments":{"X":{{{value}}}}}]""", """[{"Name":"P"}]"""), IssueCodes.MalformedFunction);

    [Fact]
    public void Validate_UnknownExtensionFunction_ReportsPS037() =>
        HasIssue(WithValue("""{"PipelineStudio:Sqrt":[4]}"""), IssueCodes.UnknownFunction, "$.Steps[1].Arguments.X");

    [Fact]
    public void Validate_ExtensionFunction_WarnsPS050ForExport()
    {
        var issue = HasIssue(WithValue("""{"PipelineStudio:Multiply":[2,{"Get":"Parameters.P"}]}"""), IssueCodes.ExtensionNotExportable, "$.Steps[1].Arguments.X");

        Assert.Equal(IssueSeverity.Warning, issue.Severity);
    }

    [Fact]
    public void Validate_StandardFunctionsOnly_ReportsNoPS050() =>
        NoIssue(WithValue("""{"Std:Join":{"On":"/","Values":["a","b"]}}"""), IssueCodes.ExtensionNotExportable);
}
