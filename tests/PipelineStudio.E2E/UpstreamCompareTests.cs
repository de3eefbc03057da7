using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.Engine.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// The churn demo run twice for real, the second time on a bigger training instance and after an edit to the training
/// script: from the second model's registry page, "compare upstream with" the first shows the differing parameter and
/// the changed code highlighted, and the generated customer data (the same content, so one lineage entity) as the same.
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class UpstreamCompareTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    private const string Pipeline = "churn-prediction";
    private const string Group = "churn-prediction-models";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(6);

    static UpstreamCompareTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task TwoChurnRuns_CompareModelsUpstream_HighlightsTheDifferingParameterAndSharedDataIsSame()
    {
        var samples = FindSamples();
        await Studio.Services.GetRequiredService<SampleStager>().StageAsync(Pipeline, Path.Combine(samples, Pipeline));

        await WithPageAsync(nameof(TwoChurnRuns_CompareModelsUpstream_HighlightsTheDifferingParameterAndSharedDataIsSame), async studio =>
        {
            var page = studio.Page;
            var api = page.APIRequest;
            var imported = await api.PostAsync($"/api/v1/pipelines?name={Pipeline}", new()
            {
                DataString = await File.ReadAllTextAsync(Path.Combine(samples, Pipeline + ".json")),
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            });
            Assert.True(imported.Ok, await imported.TextAsync());
            var first = await StartAsync(api, new Dictionary<string, string>());
            Assert.Equal("Succeeded", await WaitFinishedAsync(api, first));
            await EditTrainingScriptAsync();
            var second = await StartAsync(api, new Dictionary<string, string> { ["TrainingInstanceType"] = "ml.m5.xlarge" });
            Assert.Equal("Succeeded", await WaitFinishedAsync(api, second));
            var (firstVersion, secondVersion) = (await VersionOfAsync(api, first), await VersionOfAsync(api, second));

            await studio.OpenInteractiveAsync($"/models/{Group}/{secondVersion}");
            await page.Locator("#compare-upstream-menu").ClickAsync();
            await page.Locator($".compare-upstream-version[data-version='{firstVersion}']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/lineage/compare\\?a={Group}-{secondVersion}&b={Group}-{firstVersion}$"));

            var parameter = page.Locator("#compare-parameters tr[data-parameter='TrainingInstanceType']");
            await Expect(parameter).ToHaveClassAsync(new Regex("differs"));
            await Expect(parameter.Locator("td")).ToHaveTextAsync(["TrainingInstanceType", "ml.m5.xlarge", "ml.m5.large"]);
            await Expect(page.Locator("#compare-parameters tr[data-parameter='Seed']")).ToHaveCountAsync(0); // unchanged, behind the toggle

            // generate.py wrote the same customers (same seed) under each execution's own prefix: one entity, used by both.
            var customers = page.Locator("#compare-artifacts tr[data-type='DataSet'][data-name='raw']");
            await Expect(customers).ToHaveAttributeAsync("data-change", "Same");
            await Expect(page.Locator("#compare-artifacts tr[data-type='Code'][data-name='generate.py']")).ToHaveAttributeAsync("data-change", "Same");
            var scripts = page.Locator("#compare-artifacts tr[data-type='Code'][data-name='code']"); // the training submit directory
            await Expect(scripts).ToHaveAttributeAsync("data-change", "Differs");
            await Expect(scripts).ToHaveClassAsync(new Regex("upstream-row--code"));
            await Expect(page.Locator("#compare-steps tr[data-step='GenerateCustomers']")).ToHaveAttributeAsync("data-change", "Same");
            await Expect(page.Locator("#compare-executions-link")).ToHaveAttributeAsync("href", $"/compare?executions={second},{first}");
            await page.Mouse.MoveAsync(5, 5);
            await studio.ScreenshotAsync("upstream-compare-light");

            await page.Locator("#theme-toggle").ClickAsync();
            await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            await page.Mouse.MoveAsync(5, 5);
            await page.WaitForTimeoutAsync(400); // the theme's colour transition, so the screenshot shows the settled page
            await studio.ScreenshotAsync("upstream-compare-dark");
        });
    }

    /// <summary>A one-line edit to train.py in the studio's copy of the scripts, as a data scientist would make between runs.</summary>
    private async Task EditTrainingScriptAsync()
    {
        var artifacts = Studio.Services.GetRequiredService<PipelineStudio.Core.Abstractions.IArtifactStore>();
        var uri = SampleStager.CodePrefix(Pipeline) + "train.py";
        var script = await artifacts.ReadTextAsync(uri) ?? throw new InvalidOperationException($"{uri} was not staged.");
        await artifacts.PutTextAsync(uri, script + "\n# Second run: trained on a bigger instance.\n");
    }

    private static async Task<string> StartAsync(IAPIRequestContext api, Dictionary<string, string> parameters)
    {
        var started = await api.PostAsync($"/api/v1/pipelines/{Pipeline}/executions", new() { DataObject = new { parameters } });
        Assert.True(started.Ok, await started.TextAsync());
        return JsonDocument.Parse(await started.TextAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string?> WaitFinishedAsync(IAPIRequestContext api, string id)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (true)
        {
            var status = JsonDocument.Parse(await (await api.GetAsync($"/api/v1/executions/{id}")).TextAsync()).RootElement.GetProperty("status").GetString();
            if (status is "Succeeded" or "Failed" or "Stopped")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} is still {status} after {RunTimeout}.");
            await Task.Delay(500);
        }
    }

    /// <summary>The version this execution registered (other tests share the studio and register churn models too).</summary>
    private static async Task<int> VersionOfAsync(IAPIRequestContext api, string executionId)
    {
        var packages = JsonDocument.Parse(await (await api.GetAsync($"/api/v1/model-packages?group={Group}")).TextAsync()).RootElement;
        var id = packages.EnumerateArray().Single(p => p.GetProperty("executionId").GetString() == executionId).GetProperty("id").GetString()!;
        return int.Parse(id[(id.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, Pipeline + ".json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"samples/{Pipeline}.json was not found above {AppContext.BaseDirectory}.");
    }
}
