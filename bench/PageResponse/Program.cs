using System.Globalization;
using PageResponse;

// Page response and circuit memory of a real studio process while a sweep of N executions at concurrency C runs.
// 1. HTTP: GET /executions and GET /executions/{a running execution}, each in its own loop (one request at a time,
//    100 ms apart), timed to the last byte of the prerendered HTML, for as long as the sweep runs; then 15 s idle.
// 2. Browser: chromium opens each page (warm cache) and waits until it is live: the circuit's render of the rows, or
//    of the graph and the timeline. Fewer samples, during a second sweep.
// 3. Memory: chromium tabs held open on execution pages, the studio's RSS after induced full GCs, before and with
//    N tabs; during a third sweep and after it; then the tabs are closed and the circuits must go.
// Arguments: [executions=100] [concurrency=10] [step seconds=1] [open pages=20,40] [browser samples=15].
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var stepSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0;
var openPages = args.Length > 3 ? args[3].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : [20, 40];
var browserSamples = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 15;

Console.WriteLine(
    $"Sweep of {count} executions at concurrency {concurrency}, 5-step pipeline with {stepSeconds:0.###} s steps; " +
    $"{Environment.ProcessorCount} cores, load {LoadWindow.Current():F1} at start");

// Each execution runs at most two steps at once; the global step cap must not be what limits the sweep.
await using var server = await StudioServer.StartAsync(maxParallelSteps: concurrency * 2);
Console.WriteLine($"Studio pid {server.Pid} at {server.Address}");
await server.SavePipelineAsync(BenchPipeline.Name, BenchPipeline.Definition);
await using var browser = await BrowserProbe.StartAsync(server.Address);
var phases = new Phases(server, browser, count, concurrency, stepSeconds);

await phases.WarmUpAsync();
var summary = new List<string>();
summary.AddRange(await phases.HttpAsync());
summary.AddRange(await phases.BrowserAsync(browserSamples));
summary.AddRange(await phases.MemoryAsync(openPages));

Console.WriteLine();
Console.WriteLine("Summary");
summary.ForEach(Console.WriteLine);
