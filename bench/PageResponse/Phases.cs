using System.Globalization;
using Microsoft.Playwright;

namespace PageResponse;

/// <summary>The benchmark's phases; each returns its summary lines and prints progress as it goes.</summary>
public sealed class Phases(StudioServer server, BrowserProbe browser, int count, int concurrency, double stepSeconds)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Longer than Blazor's default DisconnectedCircuitRetentionPeriod (3 minutes).</summary>
    private static readonly TimeSpan CircuitRetention = TimeSpan.FromMinutes(4);

    /// <summary>
    /// A small sweep while both pages are loaded over HTTP and in the browser, so the figures measure a warm studio
    /// (JIT, first database reads, static files in the browser cache) as a user meets one that has been running.
    /// </summary>
    public async Task WarmUpAsync()
    {
        Console.WriteLine("Warm-up: a sweep of one round, pages loaded while it runs");
        await using var sweep = await SweepTracker.StartAsync(server, concurrency, concurrency, Math.Min(stepSeconds, 0.5));
        await sweep.WaitForRunningAsync();
        var list = new PageSampler(server.Address, "list");
        var page = new PageSampler(server.Address, "execution");
        using var client = new HttpClient { BaseAddress = server.Address };
        for (var i = 0; i < 30; i++)
        {
            await list.SampleAsync(client, "/executions");
            await page.SampleAsync(client, $"/executions/{sweep.NextExecution()}");
        }

        var context = await browser.NewContextAsync();
        for (var i = 0; i < 3; i++)
        {
            var (listPage, _) = await BrowserProbe.OpenLiveAsync(context, "/executions", BrowserProbe.ListReady);
            await BrowserProbe.CloseAsync(listPage);
            var (executionPage, _) = await BrowserProbe.OpenLiveAsync(context, $"/executions/{sweep.NextExecution()}", BrowserProbe.ExecutionReady);
            await BrowserProbe.CloseAsync(executionPage);
        }

        await context.CloseAsync();
        await sweep.Finished.WaitAsync(SweepTimeout);
        Console.WriteLine($"  warm-up HTTP list {list.Timings}; execution {page.Timings}; circuits opened {server.CircuitsOpened}, alive {server.CircuitsAlive}");
    }

    /// <summary>Both pages over HTTP, each in its own loop, for the whole of a sweep, then 15 s with nothing running.</summary>
    public async Task<List<string>> HttpAsync()
    {
        Console.WriteLine($"HTTP: a sweep of {count} at concurrency {concurrency}, both pages requested 100 ms apart until it ends");
        var lines = new List<string>();
        await using var sweep = await SweepTracker.StartAsync(server, count, concurrency, stepSeconds);
        await sweep.WaitForRunningAsync();
        var load = LoadWindow.Start();
        using var stop = new CancellationTokenSource();
        var list = new PageSampler(server.Address, "GET /executions");
        var page = new PageSampler(server.Address, "GET /executions/{running id}");
        var sampling = Task.WhenAll(
            list.RunAsync(() => "/executions", Pause, stop.Token),
            page.RunAsync(() => sweep.NextExecution() is { } id ? $"/executions/{id}" : null, Pause, stop.Token));
        await sweep.Finished.WaitAsync(SweepTimeout);
        await stop.CancelAsync();
        await sampling;
        await load.DisposeAsync();
        var state = sweep.Latest!;
        lines.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Sweep (HTTP phase): {state.Succeeded}/{state.Total} succeeded, {state.Status}, {state.Duration?.TotalSeconds:F1} s; {load}"));
        lines.Add(Line(list, load, "while the sweep ran"));
        lines.Add(Line(page, load, "while the sweep ran"));
        lines.ForEach(l => Console.WriteLine("  " + l));

        var idleLoad = LoadWindow.Start();
        using var idleStop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var idleList = new PageSampler(server.Address, "GET /executions");
        var idlePage = new PageSampler(server.Address, "GET /executions/{finished id}");
        await Task.WhenAll(
            idleList.RunAsync(() => "/executions", Pause, idleStop.Token),
            idlePage.RunAsync(() => sweep.NextExecution() is { } id ? $"/executions/{id}" : null, Pause, idleStop.Token));
        await idleLoad.DisposeAsync();
        var idle = new[] { Line(idleList, idleLoad, "idle, after the sweep"), Line(idlePage, idleLoad, "idle, after the sweep") };
        foreach (var line in idle)
        {
            Console.WriteLine("  " + line);
        }

        lines.AddRange(idle);
        return lines;
    }

    /// <summary>Navigation to live in chromium, alternating the two pages, during a second sweep.</summary>
    public async Task<List<string>> BrowserAsync(int samples)
    {
        Console.WriteLine($"Browser: navigation to live, {samples} loads of each page during a second sweep");
        await using var sweep = await SweepTracker.StartAsync(server, count, concurrency, stepSeconds);
        await sweep.WaitForRunningAsync();
        var listContext = await browser.NewContextAsync();
        var pageContext = await browser.NewContextAsync();

        // One uncounted load per context fills its cache, as for someone who has had the studio open before.
        await CloseAsync(await BrowserProbe.OpenLiveAsync(listContext, "/executions", BrowserProbe.ListReady));
        await CloseAsync(await BrowserProbe.OpenLiveAsync(pageContext, $"/executions/{sweep.NextExecution()}", BrowserProbe.ExecutionReady));

        var load = LoadWindow.Start();
        var listTimes = new List<double>();
        var pageTimes = new List<double>();
        for (var i = 0; i < samples && !sweep.IsFinished; i++)
        {
            var list = await BrowserProbe.OpenLiveAsync(listContext, "/executions", BrowserProbe.ListReady);
            listTimes.Add(list.Milliseconds);
            await CloseAsync(list);
            var page = await BrowserProbe.OpenLiveAsync(pageContext, $"/executions/{sweep.NextExecution()}", BrowserProbe.ExecutionReady);
            pageTimes.Add(page.Milliseconds);
            await CloseAsync(page);
        }

        var allWhileRunning = !sweep.IsFinished;
        await load.DisposeAsync();
        await listContext.CloseAsync();
        await pageContext.CloseAsync();
        await sweep.Finished.WaitAsync(SweepTimeout);
        var note = allWhileRunning ? "while the sweep ran" : "the sweep ended before the last samples";
        var lines = new List<string>
        {
            $"Browser /executions, navigation to live rows: {Timings.Of(listTimes)}; {load}; {note}",
            $"Browser /executions/{{running id}}, navigation to live graph and timeline: {Timings.Of(pageTimes)}; {load}; {note}",
        };
        lines.ForEach(l => Console.WriteLine("  " + l));
        return lines;
    }

    /// <summary>
    /// Server memory per open execution page: tabs on running executions during a third sweep, then on finished ones
    /// after it. Each on a freshly restarted studio: a process that has already held many circuits keeps the memory it
    /// grew (the GC does not hand it back at once), so new circuits would fit in it and look free.
    /// </summary>
    public async Task<List<string>> MemoryAsync(int[] openPages)
    {
        Console.WriteLine($"Memory: {string.Join(" then ", openPages)} open execution pages, during a third sweep and after it");
        var lines = new List<string>();
        await server.RestartAsync();
        await WarmCircuitsAsync();
        await using var sweep = await SweepTracker.StartAsync(server, count, concurrency, stepSeconds);
        await sweep.WaitForRunningAsync();
        lines.AddRange(await MemoryWithPagesAsync(openPages, sweep, "during the sweep"));
        await sweep.Finished.WaitAsync(SweepTimeout);
        await server.RestartAsync();
        await WarmCircuitsAsync();
        lines.AddRange(await MemoryWithPagesAsync(openPages, sweep, "after the sweep"));
        return lines;
    }

    /// <summary>Two execution pages opened and closed, so the first circuit's one-off costs (JIT, static caches) are not counted.</summary>
    private async Task WarmCircuitsAsync()
    {
        var id = await server.NewestExecutionAsync();
        var context = await browser.NewContextAsync();
        for (var i = 0; i < 2; i++)
        {
            await CloseAsync(await BrowserProbe.OpenLiveAsync(context, $"/executions/{id}", BrowserProbe.ExecutionReady));
        }

        await context.CloseAsync();
        await server.WaitForCircuitsAliveAsync(0, CircuitRetention);
    }

    private async Task<List<string>> MemoryWithPagesAsync(int[] openPages, SweepTracker sweep, string when)
    {
        var lines = new List<string>();
        var aliveBefore = server.CircuitsAlive;
        var load = LoadWindow.Start();
        var before = await server.MemoryAfterGcAsync();
        Report($"{when}: before, {aliveBefore} circuits: RSS {before.Rss:F1} MB (anonymous {before.Anonymous:F1} MB)");
        var context = await browser.NewContextAsync();
        var pages = new List<IPage>();
        var previous = (Pages: 0, Memory: before);
        foreach (var target in openPages)
        {
            while (pages.Count < target)
            {
                // A few at a time, as tabs opened by several people; each is waited for until it is live.
                var batch = Enumerable.Range(0, Math.Min(4, target - pages.Count))
                    .Select(_ => BrowserProbe.OpenLiveAsync(context, $"/executions/{sweep.NextExecution()}", BrowserProbe.ExecutionReady));
                pages.AddRange((await Task.WhenAll(batch)).Select(p => p.Page));
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            var running = sweep.Latest?.Running.Count ?? 0;
            var with = await server.MemoryAfterGcAsync();
            var alive = server.CircuitsAlive;
            Report(string.Create(
                CultureInfo.InvariantCulture,
                $"{when}: {target} pages open, {alive} circuits ({running} executions running when measured): RSS {with.Rss:F1} MB, " +
                $"+{with.Rss - before.Rss:F1} MB = {(with.Rss - before.Rss) / target:F2} MB per page " +
                $"(anonymous +{with.Anonymous - before.Anonymous:F1} MB = {(with.Anonymous - before.Anonymous) / target:F2} MB per page); " +
                $"from {previous.Pages} to {target} pages {(with.Rss - previous.Memory.Rss) / (target - previous.Pages):F2} MB per page"));
            previous = (target, with);
        }

        foreach (var page in pages)
        {
            await BrowserProbe.CloseAsync(page);
        }

        await context.CloseAsync();

        // A tab that said goodbye has its circuit disposed at once; one whose goodbye was lost is kept for Blazor's
        // DisconnectedCircuitRetentionPeriod (3 minutes by default) in case it reconnects, then disposed.
        var promptly = await server.WaitForCircuitsAliveAsync(aliveBefore, TimeSpan.FromSeconds(20));
        var leftAfterPrompt = server.CircuitsAlive - aliveBefore;
        var eventually = promptly ?? await server.WaitForCircuitsAliveAsync(aliveBefore, CircuitRetention);
        var after = await server.MemoryAfterGcAsync();
        await load.DisposeAsync();
        var disposal = promptly is { } quick
            ? $"all {pages.Count} circuits disposed within {quick.TotalSeconds:F0} s"
            : eventually is { } slow
                ? $"{pages.Count - leftAfterPrompt} circuits disposed within 20 s, the other {leftAfterPrompt} after {20 + slow.TotalSeconds:F0} s"
                : $"{server.CircuitsAlive - aliveBefore} circuits NOT disposed after {20 + CircuitRetention.TotalSeconds:F0} s";
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"{when}: pages closed, {disposal}: RSS {after.Rss:F1} MB ({after.Rss - before.Rss:+0.0;-0.0} MB against before); {load}"));
        return lines;

        void Report(string line)
        {
            Console.WriteLine("  " + line);
            lines.Add("Memory " + line);
        }
    }

    private static string Line(PageSampler sampler, LoadWindow load, string when) => string.Create(
        CultureInfo.InvariantCulture,
        $"{sampler.Label} {when}: {sampler.Timings}; {sampler.MedianBytes / 1024.0:F0} KB; {sampler.Errors} errors{(sampler.LastError is { } e ? $" (last: {e})" : "")}; {load}");

    private static Task CloseAsync((IPage Page, double Milliseconds) opened) => BrowserProbe.CloseAsync(opened.Page);
}
