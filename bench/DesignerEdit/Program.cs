using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PipelineStudio.Core.Definitions;
using PipelineStudio.TestSupport;

namespace DesignerEdit;

// The designer with a large pipeline, as a person uses it: a real studio (Release build, in-process Kestrel,
// SQLite data directory of its own) and headless chromium driven by Playwright.
// 1. Open-to-interactive: navigate to /pipelines/{name}/designer, wait until every step's node is on the canvas,
//    click a node and wait for the property panel to show it (so the Blazor circuit answers). Fresh browser
//    context each time; the first open warms the server up and is reported apart.
// 2. Node drag: mouse down on a node, move 60 px in 6 steps, mouse up. Server time comes from metrics recorded
//    inside the studio (MeterListener): Blazor's handle_event / render_diff and the designer's edit histogram.
//    Browser time is pointer-up to the document revision changing in the DOM (the server's answer applied).
// Arguments: [opens=7] [drags=25] [steps=300].
internal static class DesignerEditBench
{
    public static async Task Main(string[] args)
    {
        var opens = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var drags = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;
        var steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300;
        const string Pipeline = "designer-bench";
        const int WarmUpDrags = 3;

        var data = Directory.CreateTempSubdirectory("designer-edit-").FullName;
        using var timings = new ServerTimings();
        try
        {
            await using var studio = new BenchStudio(data);
            studio.UseKestrel(0);
            studio.StartServer();
            var baseUrl = BaseUrl(studio.Services);
            var definition = LargePipeline.Create(steps);
            using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
            using (var content = new StringContent(definition, Encoding.UTF8, "application/json"))
            {
                var response = await http.PostAsync($"/api/v1/pipelines?name={Pipeline}", content);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"The studio refused the generated pipeline: {await response.Content.ReadAsStringAsync()}");
                }
            }

            Console.WriteLine($"{steps} steps ({definition.Length:N0} characters) saved as '{Pipeline}'; studio at {baseUrl}; load {Load()}");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });

            // The middle of the first layer: the designer opens a wide pipeline at its left edge, centred vertically.
            var firstStep = DefinitionGenerator.StepName(LargePipeline.Width / 2, LargePipeline.Width);
            var openTimes = new List<double>();
            var nodeTimes = new List<double>();
            for (var run = 0; run <= opens; run++)
            {
                await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1440, Height = 900 } });
                var page = await context.NewPageAsync();
                var (open, nodes) = await OpenAsync(page, steps, firstStep);
                Console.WriteLine($"open {(run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture))}: interactive {open:F0} ms (all {steps} nodes at {nodes:F0} ms)");
                if (run > 0)
                {
                    openTimes.Add(open);
                    nodeTimes.Add(nodes);
                }
            }

            Console.WriteLine($"open-to-interactive over {opens} opens: {Stats.Describe(openTimes)} ms; all nodes drawn: {Stats.Describe(nodeTimes)} ms; load {Load()}");

            await using (var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1440, Height = 900 } }))
            {
                var page = await context.NewPageAsync();
                await OpenAsync(page, steps, firstStep);
                await page.EvaluateAsync(DragProbe.Install);
                var onScreen = await OnScreenAsync(page);
                var results = new List<DragResult>();
                for (var i = 0; i < drags + WarmUpDrags; i++)
                {
                    // Through the first layer's nodes in view, right then back, so they stay in view.
                    var step = onScreen[i % onScreen.Count];
                    var result = await DragAsync(page, timings, step, dx: i / onScreen.Count % 2 == 0 ? 60 : -60);
                    if (i >= WarmUpDrags)
                    {
                        results.Add(result);
                    }
                }

                Console.WriteLine($"{drags} drags of one node (60 px, 6 moves each), after {WarmUpDrags} warm-up drags; load {Load()}");
                Console.WriteLine($"  server, pointer-up to its render batch diffed:      {Stats.Describe(results.Select(r => r.ServerAfterUp))} ms");
                Console.WriteLine($"  server, pointer-up handler (includes the edit):     {Stats.Describe(results.Select(r => r.UpHandler))} ms");
                Console.WriteLine($"  server, designer edit (Move steps: apply, validate, sync): {Stats.Describe(results.Select(r => r.DesignerEdit))} ms");
                Console.WriteLine($"  server, render diffs after pointer-up (sum):        {Stats.Describe(results.Select(r => r.RenderAfterUp))} ms");
                Console.WriteLine($"  server, one pointer-move (handler + render diff):   {Stats.Describe(results.SelectMany(r => r.Moves))} ms");
                Console.WriteLine($"  browser, pointer-up to the new revision in the DOM: {Stats.Describe(results.Select(r => r.BrowserRoundTrip))} ms");
                Console.WriteLine($"  events seen: {string.Join(", ", timings.EventNames())}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder does not change the figures.
            }
        }

        static async Task<(double Interactive, double Nodes)> OpenAsync(IPage page, int steps, string step)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"/pipelines/{Pipeline}/designer");
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('.designer-node').length === {steps}", null, new() { Timeout = 60_000 });
            var nodes = clock.Elapsed.TotalMilliseconds;
            await page.Locator($".designer-node[data-step='{step}'] .designer-node__name").ClickAsync();
            await page.Locator($"#step-property-panel[data-step='{step}']").WaitForAsync(new() { Timeout = 60_000 });
            return (clock.Elapsed.TotalMilliseconds, nodes);
        }

        // First-layer steps whose nodes sit inside the canvas with room to move right (clear of its toolbar).
        static async Task<List<string>> OnScreenAsync(IPage page)
        {
            var canvas = await page.Locator("#designer-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("No canvas.");
            var steps = new List<string>();
            for (var slot = 0; slot < LargePipeline.Width; slot++)
            {
                var step = DefinitionGenerator.StepName(slot, LargePipeline.Width);
                var box = await page.Locator($".designer-node[data-step='{step}']").BoundingBoxAsync();
                if (box is not null && box.Y > canvas.Y + 60 && box.Y + box.Height < canvas.Y + canvas.Height - 10
                    && box.X > canvas.X && box.X + box.Width + 80 < canvas.X + canvas.Width)
                {
                    steps.Add(step);
                }
            }

            return steps.Count > 0 ? steps : throw new InvalidOperationException("No first-layer node is in view.");
        }

        static async Task<DragResult> DragAsync(IPage page, ServerTimings timings, string step, int dx)
        {
            var node = page.Locator($".designer-node[data-step='{step}'] .designer-node__name");
            var box = await node.BoundingBoxAsync() ?? throw new InvalidOperationException($"Node {step} is not on screen.");
            var revision = await page.Locator("#designer-page").GetAttributeAsync("data-revision");
            var (x, y) = (box.X + 10, box.Y + (box.Height / 2));
            await page.Mouse.MoveAsync(x, y);
            timings.Clear();
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(x + dx, y, new() { Steps = 6 });
            await page.Mouse.UpAsync();
            try
            {
                await page.WaitForFunctionAsync(
                    "r => document.getElementById('designer-page').dataset.revision !== r", revision, new() { Timeout = 30_000 });
            }
            catch (TimeoutException)
            {
                var after = await node.BoundingBoxAsync();
                throw new InvalidOperationException(
                    $"No new revision after dragging {step}: box {box.X},{box.Y} -> {after?.X},{after?.Y}; events {string.Join(",", timings.EventNames())}; revision {revision}");
            }
            var moved = await node.BoundingBoxAsync();
            if (moved is null || Math.Abs(moved.X - box.X - dx) > 2)
            {
                throw new InvalidOperationException($"Node {step} did not end {dx} px away: it was at {box.X}, now at {moved?.X}.");
            }

            var browser = await page.EvaluateAsync<double>(DragProbe.Read);
            return timings.Drag(browser);
        }

        static string BaseUrl(IServiceProvider services)
        {
            var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The studio started without a listening address.");
            return $"http://127.0.0.1:{new Uri(address).Port}";
        }

        static string Load() => File.ReadAllText("/proc/loadavg").Split(' ') is var parts ? $"{parts[0]} {parts[1]} {parts[2]}" : "";
    }
}

/// <summary>Browser-side timestamps: pointer-up, and the first change of the designer's revision after it.</summary>
internal static class DragProbe
{
    public const string Install = """
        () => {
          const probe = window.__dragProbe = { up: 0, revision: 0 };
          document.addEventListener('pointerup', () => { probe.up = performance.now(); probe.revision = 0; }, true);
          new MutationObserver(() => { if (probe.up && !probe.revision) probe.revision = performance.now(); })
            .observe(document.getElementById('designer-page'), { attributes: true, attributeFilter: ['data-revision'] });
        }
        """;

    public const string Read = "() => window.__dragProbe.revision - window.__dragProbe.up";
}

/// <summary>One drag's figures in milliseconds.</summary>
internal sealed record DragResult(double UpHandler, double ServerAfterUp, double DesignerEdit, double RenderAfterUp, IReadOnlyList<double> Moves, double BrowserRoundTrip);

/// <summary>The generated pipeline: layered Processing steps with references and DependsOn, plus Condition steps with branches.</summary>
internal static class LargePipeline
{
    public const int Width = 20;

    private const int Conditions = 10;

    /// <summary>
    /// <paramref name="steps"/> in all: steps - 10 layered Processing steps, of which the last 10 (the final layer) move
    /// into the IfSteps of 10 Conditions on a parameter, each Condition after a step of the layer those ten read from.
    /// </summary>
    public static string Create(int steps)
    {
        var processing = steps - Conditions;
        var root = JsonNode.Parse(DefinitionGenerator.Layered(processing, Width, seed: 1))!.AsObject();
        var all = root["Steps"]!.AsArray();
        var branchSteps = all.Skip(processing - Conditions).ToList();
        foreach (var step in branchSteps)
        {
            all.Remove(step);
        }

        for (var i = 0; i < Conditions; i++)
        {
            all.Add(new JsonObject
            {
                ["Name"] = $"Gate{i:D2}",
                ["Type"] = "Condition",
                ["DependsOn"] = new JsonArray(all[processing - (2 * Conditions) - 1 - i]!["Name"]!.GetValue<string>()),
                ["Arguments"] = new JsonObject
                {
                    ["Conditions"] = new JsonArray(new JsonObject
                    {
                        ["Type"] = "GreaterThanOrEqualTo",
                        ["LeftValue"] = new JsonObject { ["Get"] = "Parameters.InstanceCount" },
                        ["RightValue"] = 1,
                    }),
                    ["IfSteps"] = new JsonArray(branchSteps[i]),
                    ["ElseSteps"] = new JsonArray(),
                },
            });
        }

        return DefinitionJson.Write(root, indented: false);
    }
}
