using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Components.Shared;
using PipelineStudio.Web.Tests.Model;

namespace PipelineStudio.Web.Tests.Components;

public sealed class ImportDialogTests : StudioComponentTestBase
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenDialogAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ImportDialog> { { d => d.ValidationDelayMs, 0.0 } };
        await provider.InvokeAsync(() => dialogs.ShowAsync<ImportDialog>("Import", parameters));
        return provider;
    }

    [Fact]
    public async Task Input_MalformedJson_ShowsTheIssueCodeAndDisablesImport()
    {
        var cut = await OpenDialogAsync();
        cut.Find("#import-name").Input("broken");

        cut.Find("#import-json").Input("{\"Version\": 2020-12-01, \"Steps\": []}");

        var issue = cut.WaitForElement(".validation-issue");
        Assert.Contains(IssueCodes.MalformedJson, issue.TextContent, StringComparison.Ordinal);
        Assert.Contains("error", issue.TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("#import-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Input_DocumentThatIsNotAnObject_ShowsItsCodeAndPath()
    {
        var cut = await OpenDialogAsync();

        cut.Find("#import-json").Input("[1, 2]");

        var issue = cut.WaitForElement(".validation-issue");
        Assert.Equal(IssueCodes.NotAnObject, issue.GetAttribute("data-code"));
        Assert.Contains("$", issue.QuerySelector(".validation-issue__path")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_ValidDefinitionAndName_EnablesImport()
    {
        var cut = await OpenDialogAsync();

        cut.Find("#import-name").Input("abalone");
        cut.Find("#import-json").Input(TestDefinitions.Condition);

        cut.WaitForAssertion(() => Assert.False(cut.Find("#import-submit").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll(".validation-issue"));
        Assert.Contains("5 steps", cut.Find("#import-valid").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_InvalidPipelineName_KeepsImportDisabled()
    {
        var cut = await OpenDialogAsync();

        cut.Find("#import-json").Input(TestDefinitions.Minimal);
        cut.Find("#import-name").Input("not_allowed");

        cut.WaitForAssertion(() => Assert.Contains("letters, digits and hyphens", cut.Markup, StringComparison.Ordinal));
        Assert.True(cut.Find("#import-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_ValidDefinition_SavesAVersionAndOpensThePipeline()
    {
        var cut = await OpenDialogAsync();
        cut.Find("#import-name").Input("abalone");
        cut.Find("#import-json").Input(TestDefinitions.Condition);

        await cut.Find("#import-submit").ClickAsync(new());

        var saved = await Store.GetLatestAsync("abalone");
        Assert.NotNull(saved);
        Assert.Equal("tester", saved.Info.Author);
        Assert.Equal(TestDefinitions.Condition, saved.OriginalJson);
        Assert.EndsWith("/pipelines/abalone", Services.GetRequiredService<BunitNavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_NameOfAnExistingPipeline_SaysImportAddsAVersion()
    {
        await SeedAsync("abalone", TestDefinitions.Condition);
        var cut = await OpenDialogAsync();

        cut.Find("#import-name").Input("abalone");

        cut.WaitForAssertion(() => Assert.Contains("adds version 2", cut.Find("#import-existing").TextContent, StringComparison.Ordinal));
    }
}
