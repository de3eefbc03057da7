using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class ImportFormModelTests
{
    [Theory]
    [InlineData("abalone.json", "abalone")]
    [InlineData("churn_model v2.json", "churn-model-v2")]
    [InlineData("__odd__.definition.json", "odd-definition")]
    public void SuggestName_FileName_GivesAValidPipelineName(string fileName, string expected) =>
        Assert.Equal(expected, ImportFormModel.SuggestName(fileName));

    [Fact]
    public void LoadFile_NoNameTyped_TakesTheNameFromTheFile()
    {
        var form = new ImportFormModel();

        form.LoadFile("my_pipeline.json", TestDefinitions.Minimal);

        Assert.Equal("my-pipeline", form.Name);
        Assert.True(form.CanImport);
    }

    [Fact]
    public void LoadFile_NameTypedByUser_KeepsTheTypedName()
    {
        var form = new ImportFormModel();
        form.SetName("chosen");

        form.LoadFile("other.json", TestDefinitions.Minimal);

        Assert.Equal("chosen", form.Name);
    }

    [Fact]
    public void SetText_MalformedJson_ReportsAnErrorAndBlocksImport()
    {
        var form = new ImportFormModel();
        form.SetName("good-name");

        form.SetText("{\"Version\": ");

        Assert.Contains(form.Issues, i => i.IsError);
        Assert.False(form.CanImport);
    }

    [Fact]
    public void CanImport_InvalidName_IsFalseEvenForAValidDefinition()
    {
        var form = new ImportFormModel();
        form.SetText(TestDefinitions.Minimal);

        form.SetName("under_score");

        Assert.NotNull(form.NameError);
        Assert.False(form.CanImport);
    }

    [Fact]
    public void Issues_AfterARejectedSave_ShowTheSaveIssuesUntilTheTextChanges()
    {
        var form = new ImportFormModel();
        form.SetName("p");
        form.SetText(TestDefinitions.Minimal);
        form.SaveIssues = [new ValidationIssue(IssueCodes.InvalidPipelineName, IssueSeverity.Error, "name", "bad")];

        Assert.Equal(IssueCodes.InvalidPipelineName, Assert.Single(form.Issues).Code);
        form.SetText(TestDefinitions.Minimal);
        Assert.Empty(form.Issues);
    }
}
