using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.Engine.Hosting;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// The churn demo run for real registers a model; a reviewer finds it on /models, reads its evidence and approves
/// it with a comment that lands in the history.
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class ModelRegistryTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    private const string Pipeline = "churn-prediction";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    static ModelRegistryTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task ChurnDemo_RegisteredModel_IsApprovedWithACommentOnItsPage()
    {
        var samples = FindSamples();
        // This studio starts without demo pipelines; stage the scripts as the seeder would.
        await Studio.Services.GetRequiredService<SampleStager>().StageAsync(Pipeline, Path.Combine(samples, Pipeline));

        await WithPageAsync(nameof(ChurnDemo_RegisteredModel_IsApprovedWithACommentOnItsPage), async studio =>
        {
            var api = studio.Page.APIRequest;
            var imported = await api.PostAsync($"/api/v1/pipelines?name={Pipeline}", new()
            {
                DataString = await File.ReadAllTextAsync(Path.Combine(samples, Pipeline + ".json")),
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            });
            Assert.True(imported.Ok, await imported.TextAsync());
            var started = await api.PostAsync($"/api/v1/pipelines/{Pipeline}/executions", new() { DataObject = new { parameters = new Dictionary<string, string>() } });
            Assert.True(started.Ok, await started.TextAsync());
            var id = JsonDocument.Parse(await started.TextAsync()).RootElement.GetProperty("id").GetString()!;
            Assert.Equal("Succeeded", await WaitFinishedAsync(api, id));

            // Other tests share this studio and may have registered churn models too: find this run's package.
            var packages = JsonDocument.Parse(await (await api.GetAsync("/api/v1/model-packages?group=churn-prediction-models")).TextAsync()).RootElement;
            var package = packages.EnumerateArray().Single(p => p.GetProperty("executionId").GetString() == id).GetProperty("id").GetString();
            await studio.OpenInteractiveAsync("/models");
            var row = studio.Page.Locator($"tr.model-package-row[data-package='{package}']");
            await Expect(row.Locator(".approval-status-chip")).ToHaveAttributeAsync("data-status", "PendingManualApproval");
            await Expect(row.Locator("[data-metric='auc']")).ToBeVisibleAsync();
            await Expect(row.Locator(".model-package-row__execution")).ToHaveAttributeAsync("href", $"/executions/{id}");
            await studio.ScreenshotAsync("models-list-light");

            await row.Locator(".model-package-row__link").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(new Regex($"/models/churn-prediction-models/{package![(package!.LastIndexOf('-') + 1)..]}$"));
            await Expect(studio.Page.Locator("#lineage-snapshot .lineage-group[data-group='Data sets']")).ToBeVisibleAsync();
            await Expect(studio.Page.Locator("#approved-comparison-none")).ToBeVisibleAsync();

            await studio.Page.Locator(".approval-action[data-target='Approved']").ClickAsync();
            var submit = studio.Page.Locator("#approval-submit");
            await Expect(submit).ToBeDisabledAsync();
            await studio.Page.Locator("#approval-comment").FillAsync("AUC clears the bar on the held-out customers");
            await Expect(submit).ToBeEnabledAsync();
            await submit.ClickAsync();

            await Expect(studio.Page.Locator("#package-status")).ToHaveAttributeAsync("data-status", "Approved");
            var entry = studio.Page.Locator("#approval-history .approval-history__entry");
            await Expect(entry).ToHaveCountAsync(1);
            await Expect(entry).ToContainTextAsync("e2e");
            await Expect(entry).ToContainTextAsync("AUC clears the bar on the held-out customers");
            await studio.Page.Mouse.MoveAsync(5, 5);
            await studio.ScreenshotAsync("model-package-light");

            await studio.Page.Locator("#theme-toggle").ClickAsync();
            await Expect(studio.Page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            await studio.Page.Mouse.MoveAsync(5, 5);
            await studio.Page.WaitForTimeoutAsync(400); // the theme's colour transition
            await studio.ScreenshotAsync("model-package-dark");
            await studio.Page.Locator("#nav-models").ClickAsync();
            await Expect(row.Locator(".approval-status-chip")).ToHaveAttributeAsync("data-status", "Approved");
            await studio.ScreenshotAsync("models-list-dark");
        });
    }

    private static async Task<string?> WaitFinishedAsync(IAPIRequestContext api, string id)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (true)
        {
            var response = await api.GetAsync($"/api/v1/executions/{id}");
            var status = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("status").GetString();
            if (status is "Succeeded" or "Failed" or "Stopped")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} is still {status} after {RunTimeout}.");
            await Task.Delay(500);
        }
    }

    /// <summary>The repository's samples folder, copied next to the tests or found above them.</summary>
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
