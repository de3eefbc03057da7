using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Web.Services;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

[Collection(StudioBrowserCollection.Name)]
public sealed partial class LaunchTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static LaunchTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Launch_FromPipelinePage_ValidatesLiveStartsAndOpensTheExecution()
    {
        const string pipeline = "launch-e2e";
        await Studio.Api.ImportAsync(pipeline, ShellDefinitions.EchoAndExit);

        await WithPageAsync(nameof(Launch_FromPipelinePage_ValidatesLiveStartsAndOpensTheExecution), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}");
            await studio.Page.Locator("#launch-button").ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(new Regex($"/pipelines/{pipeline}/launch$"));

            // Note has no default: the binder's sentence shows on the field and Start stays off until it is given.
            var note = studio.Page.Locator("#launch-form [data-parameter='Note']");
            await Expect(note).ToContainTextAsync("Parameter 'Note' has no default value; supply one.");
            await Expect(studio.LaunchSubmit).ToBeDisabledAsync();
            await Expect(studio.Page.Locator("[data-parameter='Index'] .parameter-default")).ToBeVisibleAsync();
            await studio.ScreenshotAsync("launch-form-invalid");

            await studio.ParameterInput("Note").FillAsync("hello");
            await studio.ParameterInput("Index").FillAsync("7");
            await studio.ChooseAsync(studio.Page.Locator("[data-parameter='Flavor'] .mud-select").First, "spicy");
            await Expect(note).Not.ToContainTextAsync("has no default value");
            await Expect(studio.Page.Locator("[data-parameter='Index'] .parameter-changed")).ToBeVisibleAsync();
            await Expect(studio.LaunchSubmit).ToBeEnabledAsync();
            await studio.ScreenshotAsync("launch-form-valid");

            await studio.LaunchSubmit.ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(ExecutionUrl());
            var id = ExecutionUrl().Match(studio.Page.Url).Groups["id"].Value;

            var execution = await Studio.Api.WaitForEndAsync(id);
            Assert.Equal("Succeeded", StudioApi.Status(execution));
            Assert.Equal("7", StudioApi.Parameter(execution, "Index"));
            Assert.Equal("spicy", StudioApi.Parameter(execution, "Flavor"));
            Assert.Equal("hello", StudioApi.Parameter(execution, "Note"));

            // Cloning fills the form with that execution's values.
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}/launch?from={id}");
            await Expect(studio.ParameterInput("Note")).ToHaveValueAsync("hello");
            await Expect(studio.ParameterInput("Index")).ToHaveValueAsync("7");
            await Expect(studio.Page.Locator("#clone-source")).ToContainTextAsync(id);
            await Expect(studio.LaunchSubmit).ToBeEnabledAsync();
            await studio.ScreenshotAsync("launch-form-cloned");

            // The executions list shows it, filtered by pipeline and status, in both themes.
            await studio.OpenInteractiveAsync($"/executions?pipeline={pipeline}&status=Succeeded");
            var row = studio.Page.Locator($"tr.execution-row[data-execution='{id}']");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator(".run-status-chip")).ToHaveAttributeAsync("data-status", "Succeeded");
            await Expect(row).ToContainTextAsync("1/1 done");
            await studio.ScreenshotAsync("executions-list-light");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("executions-list-dark");
            await studio.ToggleThemeAsync();

            await studio.OpenInteractiveAsync($"/executions?pipeline={pipeline}&status=Failed");
            await Expect(studio.Page.Locator("#executions-no-match")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Launch_ChurnDemoWithDefaults_RunsGreenFromTheFormAndIsWatchedLiveOnTheTimeline()
    {
        const string pipeline = "churn-prediction";
        var samples = StudioFolders.FindSamplesDirectory() ?? throw new InvalidOperationException("The samples folder was not found.");
        await Studio.Services.GetRequiredService<SampleStager>().StageAsync(pipeline, Path.Combine(samples, pipeline));
        await Studio.Api.ImportAsync(pipeline, await File.ReadAllTextAsync(Path.Combine(samples, $"{pipeline}.json")));

        await WithPageAsync(nameof(Launch_ChurnDemoWithDefaults_RunsGreenFromTheFormAndIsWatchedLiveOnTheTimeline), async studio =>
        {
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}/launch");
            await Expect(studio.Page.Locator("#launch-form [data-parameter]")).ToHaveCountAsync(6);
            await Expect(studio.LaunchSubmit).ToBeEnabledAsync();
            await studio.Page.Locator("#launch-display-name").FillAsync("churn from the form");
            await studio.ScreenshotAsync("launch-form-churn");
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("launch-form-churn-dark");
            await studio.ToggleThemeAsync();

            await studio.LaunchSubmit.ClickAsync();
            await Expect(studio.Page).ToHaveURLAsync(ExecutionUrl());
            var id = ExecutionUrl().Match(studio.Page.Url).Groups["id"].Value;

            // Watch it on the page the form led to: seen running, then done, with no reload. (A single step can be
            // quicker than a poll on a quiet machine; the execution as a whole runs for seconds.)
            await studio.Page.EvaluateAsync("() => window.__sameDocument = true");
            var tuning = studio.Page.Locator(".timeline-row[data-step='TuneChurnModel']");
            await Expect(studio.Page.Locator("#execution-status")).ToHaveAttributeAsync("data-status", "Executing");
            await Expect(studio.Page.Locator(".timeline-row[data-status='Succeeded']").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
            await studio.ScreenshotAsync("churn-from-form-running");
            await Expect(studio.Page.Locator("#execution-status")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 180_000 });
            await Expect(tuning).ToHaveAttributeAsync("data-status", "Succeeded");
            Assert.True(await studio.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");

            await tuning.ClickAsync();
            await Expect(studio.Page.Locator("#step-logs")).ToContainTextAsync("Best training job");
            await studio.ScreenshotAsync("churn-from-form-finished");

            var execution = await Studio.Api.WaitForEndAsync(id);
            Assert.True(StudioApi.Status(execution) == "Succeeded", execution.ToString());
            Assert.Equal("churn from the form", execution.GetProperty("displayName").GetString());
        });
    }

    [GeneratedRegex("/executions/(?<id>[a-z0-9]+)$")]
    private static partial Regex ExecutionUrl();
}
