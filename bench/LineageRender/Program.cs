using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence;

// The lineage explorer drawing a ~2,000-node neighbourhood: a generated store, a published (Release) studio process on
// it, chromium opening /lineage/{dataset}?depth=2 in a fresh context per run. One cold run, then the measured ones.
var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var work = Path.Combine(Path.GetTempPath(), "ps-lineage-render");
var studioFolder = args.Length > 2 ? Path.GetFullPath(args[2]) : await PublishStudioAsync(Path.Combine(work, "studio"));
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");

var dataDirectory = Path.Combine(work, "data");
if (Directory.Exists(dataDirectory))
{
    Directory.Delete(dataDirectory, recursive: true);
}

var trainingRuns = RenderStoreGenerator.RunsFor(nodes);
await using (var provider = new ServiceCollection().AddStudioPersistence(dataDirectory).BuildServiceProvider())
{
    await provider.InitializeStudioDatabaseAsync();
    await RenderStoreGenerator.GenerateAsync(provider.GetRequiredService<ILineageStore>(), trainingRuns);
}

SqliteConnection.ClearAllPools();
using var studio = await StudioProcess.StartAsync(studioFolder, dataDirectory);
Console.WriteLine($"studio pid {studio.Id} on {studio.BaseUrl}, {trainingRuns} training runs of one shared dataset");

var query = $"direction=both&depth={RenderStoreGenerator.Depth}";
using (var http = new HttpClient { BaseAddress = new Uri(studio.BaseUrl) })
{
    var graph = await http.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/{RenderStoreGenerator.RootId}?{query}");
    var apiNodes = graph.GetProperty("nodes").GetArrayLength();
    Console.WriteLine($"neighbourhood: {apiNodes} nodes, {graph.GetProperty("edges").GetArrayLength()} edges (expected {RenderStoreGenerator.NodesFor(trainingRuns)} nodes)");
    if (apiNodes != RenderStoreGenerator.NodesFor(trainingRuns))
    {
        throw new InvalidOperationException("The API's neighbourhood is not the generated one.");
    }
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
var url = $"{studio.BaseUrl}/lineage/{RenderStoreGenerator.RootId}?{query}";
var expected = RenderStoreGenerator.NodesFor(trainingRuns);
Console.WriteLine($"url: {url}");

var cold = await BrowserProbe.MeasureAsync(browser, url, expected, studio);
Console.WriteLine($"cold run (server JIT, first circuit): drawn {cold.DrawnMs:F0} ms, painted {cold.PaintedMs:F0} ms, wall {cold.WallMs:F0} ms");
var samples = new List<RenderSample>();
for (var run = 1; run <= runs; run++)
{
    // LINEAGE_RENDER_TRACE=file.json records a chromium trace of the first measured run, for profiling.
    var sample = await BrowserProbe.MeasureAsync(
        browser, url, expected, studio, run == 1 ? Environment.GetEnvironmentVariable("LINEAGE_RENDER_TRACE") : null, run == runs ? Path.Combine(work, "drawn.png") : null);
    samples.Add(sample);
    Console.WriteLine(
        FormattableString.Invariant($"run {run,2}: drawn {sample.DrawnMs,5:F0} ms  painted {sample.PaintedMs,5:F0}  wall {sample.WallMs,5:F0}  longest task {sample.LongestTaskMs,4:F0}  ") +
        FormattableString.Invariant($"click {sample.ClickMs,4:F0}  reselect {sample.ReselectMs,4:F0}  zoom {sample.ZoomMs,4:F0}  pan {sample.PanMs,4:F0}  studio cpu {sample.StudioCpuMs,5:F0} ms"));
}

Console.WriteLine();
Console.WriteLine($"{runs} runs, {expected} nodes                       median      p95      min      max");
Row("navigation -> all nodes drawn (page clock)", s => s.DrawnMs);
Row("navigation -> next frame painted", s => s.PaintedMs);
Row("goto -> all nodes drawn (test's clock)", s => s.WallMs);
Row("longest main-thread task during load", s => s.LongestTaskMs);
Row("main thread blocked beyond 50 ms, total", s => s.BlockedMs);
Row("studio CPU per load", s => s.StudioCpuMs);
Row("click node -> details panel", s => s.ClickMs);
Row("click another node -> its details", s => s.ReselectMs);
Row("zoom button -> canvas transformed", s => s.ZoomMs);
Row("pan (pointer move) -> canvas transformed", s => s.PanMs);
Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"the last run's page after loading: {Path.Combine(work, "drawn.png")}");
return 0;

void Row(string label, Func<RenderSample, double> value)
{
    var sorted = samples.Select(value).Order().ToList();
    var p95 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.95) - 1)];
    Console.WriteLine(FormattableString.Invariant($"{label,-46} {sorted[sorted.Count / 2],7:F0} ms {p95,6:F0} ms {sorted[0],6:F0} ms {sorted[^1],6:F0} ms"));
}

static async Task<string> PublishStudioAsync(string output)
{
    var repository = new DirectoryInfo(AppContext.BaseDirectory);
    while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "PipelineStudio.sln")))
    {
        repository = repository.Parent;
    }

    var project = Path.Combine(repository?.FullName ?? throw new InvalidOperationException("PipelineStudio.sln not found above the bench."),
        "src", "PipelineStudio.Web", "PipelineStudio.Web.csproj");
    Console.WriteLine($"publishing the studio (Release) to {output} ...");
    var watch = Stopwatch.StartNew();
    var start = new ProcessStartInfo("dotnet") { ArgumentList = { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet" } };
    using var publish = Process.Start(start)!;
    await publish.WaitForExitAsync();
    if (publish.ExitCode != 0)
    {
        throw new InvalidOperationException($"dotnet publish failed with exit code {publish.ExitCode}.");
    }

    Console.WriteLine($"published in {watch.Elapsed.TotalSeconds:F0} s");
    return output;
}
