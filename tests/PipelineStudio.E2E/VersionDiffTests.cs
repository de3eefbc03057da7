using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

[Collection(StudioBrowserCollection.Name)]
public sealed class VersionDiffTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static VersionDiffTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task CompareWithPrevious_FromTheVersionHistory_ShowsTheChangedStepAndTheJsonDiff()
    {
        const string name = "churn-diff-e2e";
        var original = SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample);
        var edited = (JsonObject)JsonNode.Parse(original)!;
        edited["Steps"]![1]!["Arguments"]!["ProcessingResources"]!["ClusterConfig"]!["VolumeSizeInGB"] = 60;
        edited["Parameters"]!.AsArray().Add(new JsonObject { ["Name"] = "Region", ["Type"] = "String", ["DefaultValue"] = "eu-west-1" });
        await Studio.Api.ImportAsync(name, original);
        await Studio.Api.ImportAsync(name, edited.ToJsonString());

        await WithPageAsync(nameof(CompareWithPrevious_FromTheVersionHistory_ShowsTheChangedStepAndTheJsonDiff), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{name}");
            await studio.Page.Locator("#version-history a[data-compare-to='2']").ClickAsync();

            await Expect(studio.Page).ToHaveURLAsync(new Regex($"/pipelines/{name}/diff\\?from=1&to=2$"));
            var step = studio.Page.Locator(".structural-change[data-step='PreprocessCustomers']");
            await Expect(step).ToHaveAttributeAsync("data-kind", "changed");
            await Expect(step.Locator(".field-change[data-path='Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB'] .field-change__new")).ToHaveTextAsync("60");
            await Expect(studio.Page.Locator(".structural-change[data-parameter='Region']")).ToHaveAttributeAsync("data-kind", "added");
            await Expect(studio.Page.Locator(".diff-line--added").First).ToBeVisibleAsync();
            await studio.ScreenshotAsync("version-diff-light");

            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("version-diff-dark");
        });
    }
}
