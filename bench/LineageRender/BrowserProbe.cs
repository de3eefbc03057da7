using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

/// <summary>One page load of the explorer and the interactions after it, timed in the browser and from the test.</summary>
internal sealed record RenderSample(
    double DrawnMs, double PaintedMs, double WallMs, double LongestTaskMs, double BlockedMs,
    double ClickMs, double ReselectMs, double ZoomMs, double PanMs, double StudioCpuMs);

/// <summary>
/// Drives chromium against the explorer. Page-side times come from <c>performance.now()</c>, whose origin is the start
/// of the navigation, so "drawn" is navigation start to the moment every node element is in the DOM and laid out
/// (a forced layout after the last one appears), "painted" the frame after that.
/// </summary>
internal static class BrowserProbe
{
    // Collected from document start: main-thread tasks over 50 ms, the browser's own measure of "unresponsive".
    private const string LongTaskObserver = """
        window.__longTasks = [];
        new PerformanceObserver(list => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: true });
        """;

    private const string WaitForNodes = """
        expected => new Promise((resolve, reject) => {
            const giveUp = setTimeout(() => reject(new Error('only ' + document.querySelectorAll('.lineage-node').length + ' nodes after 60 s')), 60000);
            const check = () => {
                const nodes = document.querySelectorAll('.lineage-node');
                if (nodes.length < expected) { requestAnimationFrame(check); return; }
                // Reading geometry forces style and layout of everything just added.
                const box = nodes[nodes.length - 1].getBoundingClientRect();
                const drawn = performance.now();
                requestAnimationFrame(() => setTimeout(() => {
                    clearTimeout(giveUp);
                    resolve({ drawn, painted: performance.now(), count: nodes.length, width: box.width });
                }, 0));
            };
            check();
        })
        """;

    // A node well inside the visible canvas (not the start node), to click like a user would.
    private const string VisibleNode = """
        skip => {
            const canvas = document.querySelector('.diagram-canvas').getBoundingClientRect();
            const inside = [...document.querySelectorAll('.lineage-node')].filter(n => !n.classList.contains('root') && n.dataset.entity !== skip).map(n => {
                const r = n.getBoundingClientRect();
                return { id: n.dataset.entity, x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }).filter(p => p.x > canvas.left + 40 && p.x < canvas.right - 40 && p.y > canvas.top + 40 && p.y < canvas.bottom - 40);
            return inside[Math.floor(inside.length / 2)];
        }
        """;

    private const string LayerTransform = "() => document.querySelector('.diagram-html-layer').style.transform";

    public static async Task<RenderSample> MeasureAsync(IBrowser browser, string url, int expectedNodes, StudioProcess studio, string? tracePath = null, string? screenshotPath = null)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        await context.AddInitScriptAsync(LongTaskObserver);
        var page = await context.NewPageAsync();
        var trace = tracePath is null ? null : await ChromiumTrace.StartAsync(page, tracePath);

        var cpuBefore = studio.CpuTime;
        var wall = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var loaded = await page.EvaluateAsync<JsonElement>(WaitForNodes, expectedNodes);
        var wallMs = wall.Elapsed.TotalMilliseconds;
        var studioCpuMs = (studio.CpuTime - cpuBefore).TotalMilliseconds;
        if (await page.Locator("#lineage-truncated").CountAsync() > 0)
        {
            throw new InvalidOperationException("The explorer says the graph was truncated: the measured view is not the whole neighbourhood.");
        }

        var longTasks = await page.EvaluateAsync<double[]>("() => window.__longTasks");
        if (screenshotPath is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath });
        }

        // Interactions: select a node (details panel opens and the canvas narrows), select another, zoom, pan.
        var clickMs = await SelectAsync(page, skip: null);
        var reselectMs = await SelectAsync(page, skip: await page.Locator("#lineage-details").GetAttributeAsync("data-entity"));
        var zoomMs = await TransformChangeAsync(page, () => page.Locator("button[aria-label='Zoom in']").ClickAsync());
        var canvas = (await page.Locator(".diagram-canvas").BoundingBoxAsync())!;
        var (x, y) = (canvas.X + 30, canvas.Y + canvas.Height - 30);
        await page.Mouse.MoveAsync((float)x, (float)y);
        await page.Mouse.DownAsync();
        var panMs = await TransformChangeAsync(page, () => page.Mouse.MoveAsync((float)x + 120, (float)y - 60));
        await page.Mouse.UpAsync();
        if (trace is not null)
        {
            await trace.StopAsync();
        }

        return new RenderSample(
            loaded.GetProperty("drawn").GetDouble(), loaded.GetProperty("painted").GetDouble(), wallMs,
            longTasks.DefaultIfEmpty(0).Max(), longTasks.Sum(t => t - 50), clickMs, reselectMs, zoomMs, panMs, studioCpuMs);
    }

    private static async Task<double> SelectAsync(IPage page, string? skip)
    {
        var target = await page.EvaluateAsync<JsonElement>(VisibleNode, skip);
        if (target.ValueKind != JsonValueKind.Object)
        {
            var shot = Path.Combine(Path.GetTempPath(), "ps-lineage-render", "no-visible-node.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            throw new InvalidOperationException($"No node to click inside the canvas; see {shot}.");
        }

        var id = target.GetProperty("id").GetString()!;
        var watch = Stopwatch.StartNew();
        await page.Mouse.ClickAsync((float)target.GetProperty("x").GetDouble(), (float)target.GetProperty("y").GetDouble());
        await page.Locator($"#lineage-details[data-entity='{id}']").WaitForAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TransformChangeAsync(IPage page, Func<Task> act)
    {
        var before = await page.EvaluateAsync<string>(LayerTransform);
        var watch = Stopwatch.StartNew();
        await act();
        await page.WaitForFunctionAsync($"before => ({LayerTransform})() !== before", before, new PageWaitForFunctionOptions { PollingInterval = null });
        return watch.Elapsed.TotalMilliseconds;
    }
}
