using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.E2E.Infrastructure;
using PipelineStudio.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// A model package's lineage in the browser: expand a node, pick two nodes and see the path between them, reload the
/// URL and get the same picture (selection, expansion, path).
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class LineageExplorerTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    static LineageExplorerTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Explore_ModelPackage_ExpandSelectPathAndReloadKeepTheView()
    {
        await LineageSamples.RecordChurnAsync(Studio.Services.GetRequiredService<ILineageStore>());

        await WithPageAsync(nameof(Explore_ModelPackage_ExpandSelectPathAndReloadKeepTheView), async studio =>
        {
            var page = studio.Page;
            await studio.OpenInteractiveAsync("/lineage");
            await page.Locator("#lineage-search").FillAsync("churn-models");
            await page.Locator($".lineage-result[data-entity='{LineageSamples.Package}']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/lineage/{LineageSamples.Package}$"));

            var nodes = page.Locator(".lineage-node");
            await Expect(nodes).ToHaveCountAsync(4); // package, Register, model, group (2 hops both ways)
            await Node(studio, LineageSamples.ModelArtifact).ClickAsync();
            await Expect(page.Locator("#lineage-details")).ToHaveAttributeAsync("data-entity", LineageSamples.ModelArtifact);
            await page.Locator("#expand-button").ClickAsync();
            await Expect(Node(studio, LineageSamples.Train)).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"expanded={LineageSamples.ModelArtifact}"));

            await Node(studio, LineageSamples.Package).ClickAsync();
            await Node(studio, LineageSamples.Train).ClickAsync(new() { Modifiers = [Microsoft.Playwright.KeyboardModifier.Shift] });
            var onPath = page.Locator(".lineage-node.on-path");
            await Expect(onPath).ToHaveCountAsync(4); // package, Register, model, Train
            await Expect(page.Locator(".lineage-link.on-path")).ToHaveCountAsync(3);
            await Expect(page.Locator("#lineage-path-summary")).ToContainTextAsync("3 hops");
            await studio.ScreenshotAsync("lineage-path-light");

            await page.ReloadAsync();
            await page.Locator("#studio-root[data-interactive=true]").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
            await Expect(onPath).ToHaveCountAsync(4);
            await Expect(Node(studio, LineageSamples.Train)).ToBeVisibleAsync();
            await Expect(page.Locator("#lineage-details")).ToHaveAttributeAsync("data-entity", LineageSamples.Package);
            await Expect(page.Locator("#lineage-registry-link")).ToHaveAttributeAsync("href", "/models/churn-models/1");

            await page.Locator("#theme-toggle").ClickAsync();
            await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light mode");
            await page.Mouse.MoveAsync(700, 880);
            await page.WaitForTimeoutAsync(400); // the theme's colour transition, so the screenshot shows the settled page
            await studio.ScreenshotAsync("lineage-path-dark");
        });
    }

    [Fact]
    public async Task ExportPng_ModelPackageView_DownloadsAPngRasterOfTheGraph()
    {
        await LineageSamples.RecordChurnAsync(Studio.Services.GetRequiredService<ILineageStore>());

        await WithPageAsync(nameof(ExportPng_ModelPackageView_DownloadsAPngRasterOfTheGraph), async studio =>
        {
            var page = studio.Page;
            await studio.OpenInteractiveAsync($"/lineage/{LineageSamples.Package}?direction=upstream&depth=6");
            await Expect(page.Locator(".lineage-node")).Not.ToHaveCountAsync(0);

            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-png").ClickAsync());
            Assert.Equal($"lineage-{LineageSamples.Package}.png", download.SuggestedFilename);
            var file = Path.Combine(E2ESettings.ArtifactsDirectory, "lineage-export.png");
            await download.SaveAsAsync(file);
            var bytes = await File.ReadAllBytesAsync(file);

            Assert.Equal(PngSignature, bytes[..8]);
            var (width, height) = (BigEndian(bytes, 16), BigEndian(bytes, 20)); // IHDR follows the signature
            Assert.True(width > 400 && height > 100, $"The PNG is {width} x {height}.");
            // A blank canvas of that size compresses to about a thousandth of its raw bytes; drawn nodes and text do not.
            var blank = width * height * 4 / 1_000;
            Assert.True(bytes.Length > 3 * blank, $"The PNG has only {bytes.Length} bytes for {width} x {height}: the graph was not drawn into it.");
            await Expect(page.Locator("#export-png")).ToBeEnabledAsync();
        });
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    private static Microsoft.Playwright.ILocator Node(StudioPage studio, string id) => studio.Page.Locator($".lineage-node[data-entity='{id}']");
}
