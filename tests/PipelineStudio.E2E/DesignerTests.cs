using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PipelineStudio.Core.Validation;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// The designer's must-show: from an empty canvas, build the churn demo's first three steps by dragging from the
/// palette, link them, set their properties, watch a validation issue come and go with undo/redo, save, export,
/// and run what was exported.
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class DesignerTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static DesignerTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Designer_BuildThreeStepsFromEmptyCanvas_SavesExportsAndRuns()
    {
        const string pipeline = "designer-e2e";
        await WithPageAsync(nameof(Designer_BuildThreeStepsFromEmptyCanvas_SavesExportsAndRuns), async studio =>
        {
            var page = studio.Page;
            await studio.OpenInteractiveAsync("/pipelines");
            await page.Locator("#new-pipeline-button").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/designer/new$"));
            await Expect(page.Locator("#designer-empty")).ToBeVisibleAsync();
            await Expect(Issue(page, "PS010")).ToHaveCountAsync(1);
            await studio.ScreenshotAsync("designer-empty");

            // Three steps dragged from the palette land where they are dropped, under unique names.
            // (The canvas is narrow beside the navigation drawer, so the drops zigzag; auto-layout tidies up later.)
            await DragFromPaletteAsync(page, "Processing", 140, 100);
            await DragFromPaletteAsync(page, "Processing", 380, 230);
            await DragFromPaletteAsync(page, "Training", 140, 360);
            await Expect(Node(page, "Processing")).ToBeVisibleAsync();
            await Expect(Node(page, "Processing2")).ToBeVisibleAsync();
            await Expect(Node(page, "Training")).ToBeVisibleAsync();
            await Expect(Issue(page, "PS010")).ToHaveCountAsync(0);

            // Links drawn port to port become DependsOn.
            await LinkAsync(page, "Processing", "Processing2");
            await LinkAsync(page, "Processing2", "Training");
            await Expect(page.Locator("path.step-link[data-kind='DependsOn']")).ToHaveCountAsync(2);

            // Properties: each step gets arguments the local engine can run (its JSON, as the step editor takes it).
            await SetStepJsonAsync(page, "Processing", DesignerSteps.Generate);
            await SetStepJsonAsync(page, "Processing2", DesignerSteps.Preprocess);
            await SetStepJsonAsync(page, "Training", DesignerSteps.Train);
            await Expect(Node(page, "GenerateCustomers")).ToBeVisibleAsync();
            await Expect(Node(page, "TrainChurnModel")).ToBeVisibleAsync();

            // The renames carried the links along. PreprocessCustomers now waits through its input's property
            // reference alone (drawn dashed); TrainChurnModel keeps the drawn DependsOn (solid).
            await Expect(page.Locator("path.step-link[data-link='PreprocessCustomers->TrainChurnModel:DependsOn']")).ToHaveCountAsync(1);
            await Expect(page.Locator("path.step-link[data-link='GenerateCustomers->PreprocessCustomers:Reference']")).ToHaveCountAsync(1);
            await Expect(page.Locator("#designer-issues-clean")).ToBeVisibleAsync();
            await page.Locator("#auto-layout").ClickAsync();
            await studio.ScreenshotAsync("designer-three-steps");

            // A property pointing at an output that does not exist: the issue appears on the node and in the list.
            await SetStepJsonAsync(page, "TrainChurnModel", DesignerSteps.Train.Replace("Outputs['train']", "Outputs['missing']"));
            var issue = page.Locator("#designer-issues .designer-issue[data-step='TrainChurnModel']");
            await Expect(issue).ToHaveCountAsync(1);
            await Expect(Node(page, "TrainChurnModel").Locator(".designer-node__badge--error")).ToBeVisibleAsync();
            await studio.ScreenshotAsync("designer-issue");

            // Clicking the issue selects the node; undo removes the issue, redo brings it back, undo again fixes it.
            await page.Locator("#designer-canvas").ClickAsync(new() { Position = new() { X = 30, Y = 400 } });
            await issue.ClickAsync();
            await Expect(page.Locator("#step-property-panel[data-step='TrainChurnModel']")).ToBeVisibleAsync();
            await page.Locator("#designer-canvas").ClickAsync(new() { Position = new() { X = 30, Y = 400 } });
            await page.Keyboard.PressAsync("Control+z");
            await Expect(issue).ToHaveCountAsync(0);
            await page.Locator("#redo-button").ClickAsync();
            await Expect(issue).ToHaveCountAsync(1);
            await page.Locator("#undo-button").ClickAsync();
            await Expect(issue).ToHaveCountAsync(0);
            await Expect(page.Locator("#designer-issues-clean")).ToBeVisibleAsync();

            // A typed field of the property panel: the training volume.
            await Node(page, "TrainChurnModel").ClickAsync();
            var panel = page.Locator("#step-property-panel[data-step='TrainChurnModel']");
            await panel.Locator(".mud-tab").Filter(new() { HasText = "Properties" }).ClickAsync();
            var volume = panel.Locator("[data-field='Arguments.ResourceConfig.VolumeSizeInGB'] input").First;
            await volume.FillAsync("5");
            await volume.PressAsync("Tab");
            await Expect(page.Locator("#undo-button")).ToBeEnabledAsync();
            await studio.ScreenshotAsync("designer-property-panel");

            // Save as the first version of a new pipeline.
            await page.Locator("#save-button").ClickAsync();
            await page.Locator("#save-name").FillAsync(pipeline);
            await page.Locator("#save-message").FillAsync("Built in the designer");
            await page.Locator("#save-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/pipelines/{pipeline}/designer$"));
            await Expect(page.Locator("#designer-version")).ToHaveTextAsync("based on v1");
            await Expect(page.Locator("#designer-dirty")).ToHaveCountAsync(0);
            await studio.ScreenshotAsync("designer-saved");

            // Export downloads the definition: it validates, equals what was stored, and runs.
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-button").ClickAsync());
            var exportedPath = Path.Combine(E2ESettings.ArtifactsDirectory, "designer-export.json");
            await download.SaveAsAsync(exportedPath);
            var exported = await File.ReadAllTextAsync(exportedPath);
            var report = DefinitionValidator.Validate(exported);
            Assert.False(report.HasErrors, string.Join("\n", report.Issues));
            Assert.Equal(["GenerateCustomers", "PreprocessCustomers", "TrainChurnModel"], report.Definition!.AllSteps.Select(s => s.Name));
            var stored = await Studio.Api.GetDefinitionAsync(pipeline);
            Assert.True(JsonEquality.DeepEquals(JsonNode.Parse(exported), JsonNode.Parse(stored)), JsonEquality.FirstDifference(JsonNode.Parse(exported), JsonNode.Parse(stored)));

            Assert.Equal(5, report.Definition.FindStep("TrainChurnModel")!.Json["Arguments"]!["ResourceConfig"]!["VolumeSizeInGB"]!.GetValue<int>());

            var id = await Studio.Api.StartExecutionAsync(pipeline);
            var execution = await Studio.Api.WaitForEndAsync(id);
            Assert.Equal("Succeeded", StudioApi.Status(execution));

            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("designer-saved-dark");
            await studio.ToggleThemeAsync();
        });
    }

    [Fact]
    public async Task Designer_ImportedSdkDefinition_SavesUnchangedJsonSyncsDraftsAndDetectsConflicts()
    {
        const string pipeline = "designer-roundtrip";
        var imported = SampleDefinitions.ReadSample(SampleDefinitions.ChurnPredictionSample);
        await Studio.Api.ImportAsync(pipeline, imported);
        var stepCount = PipelineStudio.Core.Definitions.PipelineDefinition.Parse(imported).Definition!.AllSteps.Count;

        await WithPageAsync(nameof(Designer_ImportedSdkDefinition_SavesUnchangedJsonSyncsDraftsAndDetectsConflicts), async studio =>
        {
            var page = studio.Page;
            await studio.OpenInteractiveAsync($"/pipelines/{pipeline}");
            await page.Locator("#designer-button").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/pipelines/{pipeline}/designer$"));
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(stepCount);
            await Expect(page.Locator("#designer-version")).ToHaveTextAsync("based on v1");
            await studio.ScreenshotAsync("designer-churn");

            // Saved without a change, the new version exports JSON equal to the import.
            await SaveAsync(page, "No changes");
            await Expect(page.Locator("#designer-version")).ToHaveTextAsync("based on v2");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-button").ClickAsync());
            var exportedPath = Path.Combine(E2ESettings.ArtifactsDirectory, "designer-roundtrip-export.json");
            await download.SaveAsAsync(exportedPath);
            var exported = JsonNode.Parse(await File.ReadAllTextAsync(exportedPath));
            Assert.True(JsonEquality.DeepEquals(JsonNode.Parse(imported), exported), JsonEquality.FirstDifference(JsonNode.Parse(imported), exported));
            Assert.True(JsonEquality.DeepEquals(JsonNode.Parse(imported), JsonNode.Parse(await Studio.Api.GetDefinitionAsync(pipeline))));

            // JSON view: broken text shows its parse error and leaves the canvas alone; valid text redraws it.
            await page.Locator("#json-toggle").ClickAsync();
            var json = page.Locator("#designer-json-text");
            await Expect(json).ToBeVisibleAsync();
            await json.FillAsync("{\"Version\": \"2020-12-01\", \"Steps\": [");
            await Expect(page.Locator(".designer-issue--parse[data-code='PS001']")).ToBeVisibleAsync();
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(stepCount);
            await studio.ScreenshotAsync("designer-json-error");
            await json.FillAsync(ShellDefinitions.EchoAndExit);
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(1);
            await Expect(Node(page, "Work")).ToBeVisibleAsync();
            await Expect(page.Locator(".designer-issue--parse")).ToHaveCountAsync(0);

            // Undo the JSON edit from the canvas: the churn steps come back and the JSON view follows.
            await page.Locator("#designer-canvas").ClickAsync(new() { Position = new() { X = 30, Y = 400 } });
            await page.Keyboard.PressAsync("Control+z");
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(stepCount);
            await Expect(json).ToHaveValueAsync(new Regex("GenerateCustomers"));
            await page.Locator("#json-toggle").ClickAsync();

            // Copy and paste with the keyboard: a copy under a fresh name.
            await Node(page, "GenerateCustomers").ClickAsync();
            await page.Keyboard.PressAsync("Control+c");
            await page.Keyboard.PressAsync("Control+v");
            await Expect(Node(page, "GenerateCustomers2")).ToBeVisibleAsync();
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(stepCount + 1);

            // The help dialog lists the shortcuts.
            await page.Keyboard.PressAsync("?");
            await Expect(page.Locator("#shortcut-table")).ToContainTextAsync("Ctrl+Z");
            await studio.ScreenshotAsync("designer-shortcuts");
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator("#shortcut-table")).ToHaveCountAsync(0);

            // A reload keeps the unsaved paste as a draft to restore.
            await page.WaitForTimeoutAsync(1200);
            await page.ReloadAsync();
            await Expect(page.Locator("#draft-offer")).ToBeVisibleAsync();
            await Expect(page.Locator(".designer-node")).ToHaveCountAsync(stepCount);
            await studio.ScreenshotAsync("designer-draft-offer");
            await page.Locator("#draft-restore").ClickAsync();
            await Expect(Node(page, "GenerateCustomers2")).ToBeVisibleAsync();

            // Someone else saves in between: the designer says so instead of overwriting, then saves on top when asked.
            await Studio.Api.ImportAsync(pipeline, imported);
            await SaveAsync(page, "Copy the generator");
            await Expect(page.Locator("#save-conflict")).ToBeVisibleAsync();
            await Expect(page.Locator("#save-conflict")).ToContainTextAsync("is at version 3 now, not 2");
            await studio.ScreenshotAsync("designer-conflict");
            await page.Locator("#conflict-save-on-top").ClickAsync();
            await Expect(page.Locator("#designer-version")).ToHaveTextAsync("based on v4");
            Assert.Contains("GenerateCustomers2", await Studio.Api.GetDefinitionAsync(pipeline));
        });
    }

    private static async Task SaveAsync(IPage page, string message)
    {
        await page.Locator("#save-button").ClickAsync();
        await page.Locator("#save-message").FillAsync(message);
        await page.Locator("#save-submit").ClickAsync();
    }

    private static ILocator Node(IPage page, string step) => page.Locator($".designer-node[data-step='{step}']");

    private static ILocator Issue(IPage page, string code) => page.Locator($"#designer-issues .designer-issue[data-code='{code}']");

    private static async Task DragFromPaletteAsync(IPage page, string type, float x, float y)
    {
        var before = await page.Locator(".designer-node").CountAsync();
        await page.Locator($"#step-palette [data-palette-type='{type}']").DragToAsync(
            page.Locator("#designer-canvas"), new() { TargetPosition = new() { X = x, Y = y } });
        await Expect(page.Locator(".designer-node")).ToHaveCountAsync(before + 1);
    }

    /// <summary>Drags from the source's right-hand port onto the target's input port, as a person would.</summary>
    private static async Task LinkAsync(IPage page, string from, string to)
    {
        var source = await Node(page, from).Locator(".designer-port--output").BoundingBoxAsync();
        var target = await Node(page, to).Locator(".designer-port--input").BoundingBoxAsync();
        Assert.NotNull(source);
        Assert.NotNull(target);
        await page.Mouse.MoveAsync(source.X + (source.Width / 2), source.Y + (source.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator($"path.step-link[data-link='{from}->{to}:DependsOn']")).ToHaveCountAsync(1);
    }

    /// <summary>Selects the step and replaces it through the property panel's JSON tab (applied when the field is left).</summary>
    private static async Task SetStepJsonAsync(IPage page, string step, string json)
    {
        await Node(page, step).ClickAsync();
        var panel = page.Locator($"#step-property-panel[data-step='{step}']");
        await Expect(panel).ToBeVisibleAsync();
        await panel.Locator(".mud-tab").Filter(new() { HasText = "JSON" }).ClickAsync();
        await page.Locator("#step-json").FillAsync(json);
        await page.Locator("#step-json").PressAsync("Tab");
    }
}
