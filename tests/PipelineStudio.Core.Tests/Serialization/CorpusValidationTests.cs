using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

/// <summary>
/// Every realistic definition validates without errors, and every broken input fails with the code
/// the CLI and web tests rely on.
/// </summary>
public sealed class CorpusValidationTests
{
    public static TheoryData<string> CorpusNames => new(SampleDefinitions.CorpusNames);

    public static TheoryData<string> SampleNames => new(SampleDefinitions.SampleNames);

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Validate_CorpusDefinition_ReportsNoErrors(string name) =>
        AssertNoErrors(DefinitionValidator.Validate(SampleDefinitions.ReadCorpus(name)));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Validate_SampleDefinition_ReportsNoErrors(string name) =>
        AssertNoErrors(DefinitionValidator.Validate(SampleDefinitions.ReadSample(name)));

    [Fact]
    public void Validate_FutureStepType_WarnsAboutTheUnknownType()
    {
        var report = DefinitionValidator.Validate(SampleDefinitions.ReadCorpus(SampleDefinitions.FutureStepType));

        var warning = Assert.Single(report.Issues, i => i.Code == IssueCodes.UnknownStepType);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal("IngestToFeatureStore", warning.StepName);
    }

    [Theory]
    [InlineData(SampleDefinitions.MalformedJson, IssueCodes.MalformedJson)]
    [InlineData(SampleDefinitions.Cycle, IssueCodes.Cycle)]
    [InlineData(SampleDefinitions.DanglingDependsOn, IssueCodes.DependsOnUnknownStep)]
    [InlineData(SampleDefinitions.BadPropertyPath, IssueCodes.UnknownStepProperty)]
    [InlineData(SampleDefinitions.UndeclaredParameter, IssueCodes.UndeclaredParameter)]
    [InlineData(SampleDefinitions.DuplicateStepName, IssueCodes.DuplicateStepName)]
    public void Validate_InvalidInput_ReportsItsError(string name, string code)
    {
        var report = DefinitionValidator.Validate(SampleDefinitions.ReadInvalid(name));

        Assert.Contains(report.Issues, i => i.Code == code && i.IsError);
    }

    [Fact]
    public void InvalidNames_AsShipped_AreAllCoveredByTheCodeTable()
    {
        Assert.Equal(
            [
                SampleDefinitions.BadPropertyPath, SampleDefinitions.Cycle, SampleDefinitions.DanglingDependsOn,
                SampleDefinitions.DuplicateStepName, SampleDefinitions.MalformedJson, SampleDefinitions.UndeclaredParameter,
            ],
            SampleDefinitions.InvalidNames);
    }

    private static void AssertNoErrors(ValidationReport report) =>
        Assert.Empty(report.Issues.Where(i => i.IsError).Select(i => i.ToString()));
}
