using System.Text.RegularExpressions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

[Collection(StudioBrowserCollection.Name)]
public sealed class ImportPipelineTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static ImportPipelineTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Import_RealisticDefinition_ShowsGraphWithEveryStepAndDetailsOnClick()
    {
        var json = SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone);
        var steps = StepNamesOf(json);
        Assert.True(steps.Count >= 7, "The E2E definition should be a realistic one with branches.");
        const string name = "abalone-e2e";

        await WithPageAsync(nameof(Import_RealisticDefinition_ShowsGraphWithEveryStepAndDetailsOnClick), async studio =>
        {
            await studio.OpenInteractiveAsync("/pipelines");
            await studio.OpenImportDialogAsync();
            await studio.FillImportAsync(name, json);
            await Expect(studio.ImportName).ToHaveValueAsync(name);
            await Expect(studio.ImportSubmit).ToBeEnabledAsync();
            await studio.ScreenshotAsync("import-dialog-valid");

            await studio.ImportSubmit.ClickAsync();

            // Blazor navigates in-page (pushState), so there is no load event to wait for: poll the address instead.
            await Expect(studio.Page).ToHaveURLAsync(new Regex($"/pipelines/{name}(\\?|$)"));
            await Expect(studio.StepNodes).ToHaveCountAsync(steps.Count);
            foreach (var step in steps)
            {
                await Expect(studio.Page.Locator($".step-node[data-step='{step}']")).ToHaveCountAsync(1);
            }

            await studio.ScreenshotAsync("pipeline-graph");

            await studio.Page.Locator(".step-node[data-step='AbaloneTrain']").ClickAsync();
            await Expect(studio.StepDetails).ToBeVisibleAsync();
            await Expect(studio.StepDetails).ToContainTextAsync("AbaloneTrain");
            await Expect(studio.StepDetails).ToContainTextAsync("Training");
            await studio.ScreenshotAsync("step-details");
        });
    }

    [Fact]
    public async Task Import_BrokenJson_ShowsPS001IssueAndKeepsImportDisabled()
    {
        await WithPageAsync(nameof(Import_BrokenJson_ShowsPS001IssueAndKeepsImportDisabled), async studio =>
        {
            await studio.OpenInteractiveAsync("/pipelines");
            await studio.OpenImportDialogAsync();
            await studio.FillImportAsync("broken-e2e", """{"Version": "2020-12-01", "Steps": [,]}""");

            await Expect(studio.ValidationIssues.First).ToBeVisibleAsync();
            await Expect(studio.ValidationIssues.Filter(new() { HasText = "PS001" })).ToHaveCountAsync(1);
            await Expect(studio.ImportSubmit).ToBeDisabledAsync();
            await studio.ScreenshotAsync("import-dialog-invalid");
        });
    }

    // Counted with the studio's own reader, branches included, so the expectation follows the file.
    private static List<string> StepNamesOf(string json)
    {
        var (document, issue) = DefinitionJson.Parse(json);
        Assert.True(document is not null, issue?.Message);
        return PipelineDefinition.FromJson(document).AllSteps.Select(s => s.Name!).ToList();
    }
}
