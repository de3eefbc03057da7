using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

[Collection(StudioBrowserCollection.Name)]
public sealed partial class SweepTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static SweepTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Sweep_RangeOfSixWithCapTwo_PreviewsSixAndFinishesAllWithAtMostTwoAtOnce()
    {
        const string pipeline = "sweep-e2e";
        await Studio.Api.ImportAsync(pipeline, ShellDefinitions.EchoAndExit);

        await WithPageAsync(nameof(Sweep_RangeOfSixWithCapTwo_PreviewsSixAndFinishesAllWithAtMostTwoAtOnce), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}");
            await studio.Page.Locator("#sweep-button").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(new Regex($"/pipelines/{pipeline}/sweep$"));

            await studio.SweepParameter("Note").Locator("[data-parameter='Note'] input").FillAsync("swept");
            var index = studio.SweepParameter("Index");
            await index.Locator(".sweep-vary").ClickAsync();
            await index.Locator(".sweep-source-range").ClickAsync();
            await index.Locator(".sweep-range-start input").FillAsync("1");
            await index.Locator(".sweep-range-stop input").FillAsync("6");
            await index.Locator(".sweep-range-step input").FillAsync("1");
            await studio.Page.Locator("#sweep-concurrency").FillAsync("2");

            await Expect(studio.Page.Locator("#sweep-count")).ToHaveTextAsync("6");
            await Expect(studio.Page.Locator(".sweep-preview-row")).ToHaveCountAsync(6);
            await Expect(studio.Page.Locator(".sweep-preview-row[data-valid='false']")).ToHaveCountAsync(0);
            await Expect(studio.Page.Locator(".sweep-preview-row").Nth(5)).ToContainTextAsync("6");
            await studio.ScreenshotAsync("sweep-form-light");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("sweep-form-dark");
            await studio.ToggleThemeAsync();

            await studio.Page.Locator("#sweep-submit").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(SweepUrl());
            await Expect(studio.Page.Locator(".sweep-member")).ToHaveCountAsync(6);
            await studio.ScreenshotAsync("sweep-group-running");

            await Expect(studio.Page.Locator(".sweep-member[data-status='Succeeded']")).ToHaveCountAsync(6);
            await Expect(studio.Page.Locator("#sweep-status")).ToHaveAttributeAsync("data-status", "Completed");
            await Expect(studio.Page.Locator("#sweep-progress")).ToHaveAttributeAsync("data-finished", "6");
            await studio.ScreenshotAsync("sweep-group-light");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("sweep-group-dark");
            await studio.ToggleThemeAsync();

            // The group survives a reload of the page.
            await studio.OpenInteractiveAsync(new Uri(studio.Page.Url).PathAndQuery);
            await Expect(studio.Page.Locator(".sweep-member[data-status='Succeeded']")).ToHaveCountAsync(6);
            await studio.OpenInteractiveAsync("/sweeps");
            await Expect(studio.Page.Locator(".sweep-row[data-status='Completed']").First).ToBeVisibleAsync();
            await studio.ScreenshotAsync("sweeps-list");
        });

        var executions = await Studio.Api.ListExecutionsAsync(pipeline);
        Assert.Equal(6, executions.Length);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], executions.Select(e => e.GetProperty("displayName").GetString()![^1..]).Order());
        Assert.Equal(2, MaxOverlap(executions));
    }

    [Fact]
    public async Task Sweep_FailFastWhenOneFails_StopsTheRunningOneAndStartsNoMore()
    {
        const string pipeline = "failfast-e2e";
        await Studio.Api.ImportAsync(pipeline, ShellDefinitions.EchoAndExit);

        await WithPageAsync(nameof(Sweep_FailFastWhenOneFails_StopsTheRunningOneAndStartsNoMore), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}/sweep");
            await studio.SweepParameter("Note").Locator("[data-parameter='Note'] input").FillAsync("ff");
            await studio.Page.Locator("#sweep-mode-zip").ClickAsync();

            // The first execution exits 1 after half a second; the others would sleep long enough to be stopped.
            var exitCode = studio.SweepParameter("ExitCode");
            await exitCode.Locator(".sweep-vary").ClickAsync();
            await exitCode.Locator(".sweep-values input").FillAsync("1, 0, 0, 0, 0, 0");
            var sleep = studio.SweepParameter("SleepSeconds");
            await sleep.Locator(".sweep-vary").ClickAsync();
            await sleep.Locator(".sweep-values input").FillAsync("0.5, 20, 20, 20, 20");
            await Expect(studio.Page.Locator(".sweep-blocker").First).ToContainTextAsync("ExitCode has 6, SleepSeconds has 5");
            await Expect(studio.Page.Locator("#sweep-submit")).ToBeDisabledAsync();
            await studio.ScreenshotAsync("sweep-form-zip-unequal");

            await sleep.Locator(".sweep-values input").FillAsync("0.5, 20, 20, 20, 20, 20");
            await studio.Page.Locator("#sweep-concurrency").FillAsync("2");
            await studio.Page.Locator("#sweep-failfast").ClickAsync();
            await Expect(studio.Page.Locator("#sweep-count")).ToHaveTextAsync("6");
            await Expect(studio.Page.Locator("#sweep-submit")).ToBeEnabledAsync();

            await studio.Page.Locator("#sweep-submit").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(SweepUrl());
            await Expect(studio.Page.Locator("#sweep-status")).ToHaveAttributeAsync("data-status", "Failed");
            await studio.ScreenshotAsync("sweep-group-failfast");

            // The cap let the first two start together; the first failing stopped the second, and the rest never started.
            var states = await studio.Page.Locator(".sweep-member").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
            Assert.Equal(["Failed", "Stopped", "NotStarted", "NotStarted", "NotStarted", "NotStarted"], states);
            await Expect(studio.Page.Locator(".sweep-member[data-index='5']")).ToContainTextAsync("Not started");
        });

        var executions = await Studio.Api.ListExecutionsAsync(pipeline);
        Assert.Equal(["Failed", "Stopped"], executions.Select(StudioApi.Status).Order());
    }

    [Fact]
    public async Task Sweep_ChurnDemoOverTwoSeeds_ShowsEachExecutionsTuningMetric()
    {
        const string pipeline = "churn-sweep-e2e";
        var samples = StudioFolders.FindSamplesDirectory() ?? throw new InvalidOperationException("The samples folder was not found.");
        await Studio.Services.GetRequiredService<SampleStager>().StageAsync("churn-prediction", Path.Combine(samples, "churn-prediction"));
        await Studio.Api.ImportAsync(pipeline, await File.ReadAllTextAsync(Path.Combine(samples, "churn-prediction.json")));

        await WithPageAsync(nameof(Sweep_ChurnDemoOverTwoSeeds_ShowsEachExecutionsTuningMetric), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}/sweep");
            var seed = studio.SweepParameter("Seed");
            await seed.Locator(".sweep-vary").ClickAsync();
            await seed.Locator(".sweep-values input").FillAsync("7, 8");
            await studio.Page.Locator("#sweep-name").FillAsync("churn seeds");
            await studio.Page.Locator("#sweep-concurrency").FillAsync("1");
            await Expect(studio.Page.Locator("#sweep-count")).ToHaveTextAsync("2");

            await studio.Page.Locator("#sweep-submit").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(SweepUrl());
            await Expect(studio.Page.Locator("#sweep-status")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 180_000 });

            // Each row shows the best training job's objective of its Tuning step, as a number.
            var metrics = studio.Page.Locator(".sweep-member .sweep-metric");
            await Expect(metrics).ToHaveCountAsync(2);
            foreach (var text in await metrics.AllTextContentsAsync())
            {
                Assert.True(double.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1, $"Not a metric: '{text}'");
            }

            await studio.ScreenshotAsync("sweep-group-churn-light");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("sweep-group-churn-dark");
            await studio.ToggleThemeAsync();

            // Side by side: the seed differs; the tuning objective and the evaluation report's numbers are compared.
            await studio.Page.Locator("#sweep-compare").ClickAsync();
            await Expect(studio.Page.Locator(".compare-card")).ToHaveCountAsync(2);
            await Expect(studio.Page.Locator(".compare-parameter")).ToHaveCountAsync(1);
            await Expect(studio.Page.Locator(".compare-parameter[data-parameter='Seed'] .compare-value")).ToHaveTextAsync(["7", "8"]);
            foreach (var metric in new[] { "val_auc", "auc", "accuracy" })
            {
                await Expect(studio.Page.Locator($".compare-metric[data-metric='{metric}'] .compare-metric__number")).ToHaveCountAsync(2);
            }

            await Expect(studio.Page.Locator(".compare-step[data-step='TuneChurnModel']")).ToBeVisibleAsync();
            await studio.Page.WaitForTimeoutAsync(500); // charts re-layout once after measuring themselves (debounced 200 ms)
            await studio.ScreenshotAsync("compare-churn-light");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("compare-churn-dark");
            await studio.ToggleThemeAsync();
        });
    }

    // The most executions whose [created, ended] spans overlap at one instant.
    private static int MaxOverlap(JsonElement[] executions)
    {
        var edges = executions.SelectMany(e => new[]
        {
            (Time: e.GetProperty("createdAt").GetDateTimeOffset(), Delta: 1),
            (Time: e.GetProperty("endedAt").GetDateTimeOffset(), Delta: -1),
        }).OrderBy(x => x.Time).ThenBy(x => x.Delta);
        int running = 0, max = 0;
        foreach (var (_, delta) in edges)
        {
            running += delta;
            max = Math.Max(max, running);
        }

        return max;
    }

    [GeneratedRegex("/sweeps/[a-z0-9]+$")]
    private static partial Regex SweepUrl();
}
