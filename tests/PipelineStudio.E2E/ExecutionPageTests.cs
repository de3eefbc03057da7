using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PipelineStudio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// An execution started through the REST API and watched on its page: the timeline and the graph change while
/// it runs (no reload), a flaky step's retry shows, and a step's log opens.
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class ExecutionPageTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static ExecutionPageTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Watch_RunningExecution_StatusesChangeLiveAndAStepLogOpens()
    {
        const string name = "live-e2e";
        var marker = Path.Combine(Path.GetTempPath(), $"pipelinestudio-e2e-{Guid.NewGuid():N}");

        await WithPageAsync(nameof(Watch_RunningExecution_StatusesChangeLiveAndAStepLogOpens), async studio =>
        {
            var api = studio.Page.APIRequest;
            await ImportAsync(api, name, ShellPipeline(marker));
            var id = await StartAsync(api, name);

            await studio.OpenInteractiveAsync($"/executions/{id}");
            // A reload would drop this flag: it proves every change below arrived over the live connection.
            await studio.Page.EvaluateAsync("() => window.__sameDocument = true");

            var train = Row(studio, "Train");
            await Expect(train).ToHaveAttributeAsync("data-status", "Executing");
            await Expect(studio.Page.Locator("#execution-status")).ToHaveAttributeAsync("data-status", "Executing");
            await Expect(studio.Page.Locator(".step-node[data-step='Train']")).ToHaveAttributeAsync("data-status", "Executing");
            await studio.ScreenshotAsync("execution-running");

            await Expect(train).ToHaveAttributeAsync("data-status", "Succeeded");
            await Expect(studio.Page.Locator("#execution-status")).ToHaveAttributeAsync("data-status", "Succeeded");
            await Expect(studio.Page.Locator(".step-node[data-step='Train']")).ToHaveAttributeAsync("data-status", "Succeeded");
            await Expect(Row(studio, "Flaky").Locator(".timeline-row__attempts")).ToHaveTextAsync("×2");
            await Expect(Row(studio, "Flaky").Locator(".timeline-seg--attempt.timeline-seg--failed")).ToHaveCountAsync(1);
            await Expect(studio.Page.Locator(".timeline-row[data-critical='true']")).ToHaveCountAsync(2);
            await Expect(train.Locator(".timeline-seg--attempt")).ToHaveAttributeAsync("title", new Regex(@"Started at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC"));
            Assert.True(await studio.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page reloaded.");

            await train.ClickAsync();
            var drawer = studio.Page.Locator("#step-run-drawer[data-step='Train']");
            await Expect(drawer).ToBeVisibleAsync();
            await Expect(studio.Page.Locator("#step-logs")).ToContainTextAsync("model-trained-ok");
            // The graph keeps its middle in view when the drawer narrows it (a resize round trip to the server).
            await Expect(studio.Page.Locator(".step-node[data-step='Train']")).ToBeInViewportAsync(new() { Ratio = 1 });
            await studio.ScreenshotAsync("execution-finished-light");

            await Row(studio, "Flaky").ClickAsync();
            await Expect(studio.Page.Locator("#step-run-drawer[data-step='Flaky'] .step-log-attempt")).ToHaveCountAsync(2);
            await studio.Page.Locator("#theme-toggle").ClickAsync();
            await Expect(studio.Page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            await studio.Page.Mouse.MoveAsync(700, 880);
            await studio.Page.WaitForTimeoutAsync(400); // the theme's colour transition, so the screenshot shows the settled page
            await studio.ScreenshotAsync("execution-finished-dark");
        });

        File.Delete(marker);
    }

    private static ILocator Row(StudioPage studio, string step) => studio.Page.Locator($".timeline-row[data-step='{step}']");

    private static async Task ImportAsync(IAPIRequestContext api, string name, string json)
    {
        var response = await api.PostAsync($"/api/v1/pipelines?name={name}", new()
        {
            DataString = json,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        Assert.True(response.Ok, await response.TextAsync());
    }

    private static async Task<string> StartAsync(IAPIRequestContext api, string name)
    {
        var response = await api.PostAsync($"/api/v1/pipelines/{name}/executions", new() { DataObject = new { parameters = new Dictionary<string, string>() } });
        Assert.True(response.Ok, await response.TextAsync());
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Prepare, then Train (a few seconds of "epochs") next to Flaky, which fails its first attempt with a
    /// retryable exit code and succeeds on the retry.
    /// </summary>
    private static string ShellPipeline(string marker) => $$"""
        {"Version":"2020-12-01","Metadata":{},"Parameters":[{"Name":"Rows","Type":"Integer","DefaultValue":100}],
         "Steps":[
          {{Shell("Prepare", [], "echo preparing data; sleep 2; echo prepared 100 rows")}},
          {{Shell("Train", ["Prepare"], "echo training; for i in 1 2 3 4; do echo epoch $i; sleep 1; done; echo model-trained-ok")}},
          {{Shell("Flaky", ["Prepare"], $"if [ ! -f {marker} ]; then touch {marker}; echo first try fails; exit 75; fi; echo second try works",
              retry: true)}}
         ]}
        """;

    private static string Shell(string name, string[] dependsOn, string script, bool retry = false)
    {
        var step = new Dictionary<string, object>
        {
            ["Name"] = name,
            ["Type"] = "Processing",
            ["DependsOn"] = dependsOn,
            ["Arguments"] = new Dictionary<string, object>
            {
                ["ProcessingResources"] = new { ClusterConfig = new { InstanceType = "ml.m5.large", InstanceCount = 1, VolumeSizeInGB = 1 } },
                ["AppSpecification"] = new { ImageUri = "local/shell", ContainerEntrypoint = new[] { "/bin/sh", "-c", script } },
                ["RoleArn"] = "arn:aws:iam::123456789012:role/e2e",
            },
        };
        if (retry)
        {
            step["RetryPolicies"] = new[] { new { ExceptionType = new[] { "SageMaker.JOB_INTERNAL_ERROR" }, IntervalSeconds = 1, MaxAttempts = 2 } };
        }

        return JsonSerializer.Serialize(step);
    }
}
