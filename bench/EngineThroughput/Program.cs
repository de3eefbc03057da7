using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Persistence;

// A layered DAG of Condition steps (Equals 1 1, no branches): in-process steps that do nothing, so what is
// measured is the engine itself (scheduling, middleware, logs, and every state change stored before it is
// announced). Warm-up first: WARMUPS executions of 100 steps, so that what runs once per execution (EF Core reads
// and writes of the pipeline, validation) is called often enough for tiered compilation (with dynamic PGO, which
// recompiles each method twice) to optimize it as it would be in a studio that has been running a while, then six of
// the full size. With fewer, the JIT thread is still compiling hundreds of methods during the measured runs and takes
// up to a quarter of the CPU (each run prints what the JIT did). Then RUNS measured executions,
// each timed from StartAsync (load, validate, create the execution) to its end; the pipeline is saved before.
// Prints steps/s and CPU ms per step for each run, and the median.
// Arguments: [steps=1000] [width=20] [Engine:MaxParallelSteps=0, i.e. processor count x 2] [runs=3] [warmups=300].
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var width = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var parallel = args.Length > 2 ? args[2] : "0";
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var warmups = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
var data = Path.Combine(Path.GetTempPath(), "engine-throughput", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);
try
{
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Studio:DataDirectory"] = data, ["Engine:MaxParallelSteps"] = parallel })
        .Build();
    var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddStudioPersistence(data);
    services.AddSingleton<PipelineLibrary>();
    services.AddLocalEngine(configuration);
    await using var provider = services.BuildServiceProvider();
    await provider.InitializeStudioDatabaseAsync();
    var library = provider.GetRequiredService<PipelineLibrary>();
    var backend = provider.GetRequiredService<LocalExecutionBackend>();

    for (var warmup = 1; warmup <= warmups; warmup++)
    {
        await RunAsync($"warmup{warmup}", Math.Min(steps, 100));
    }

    for (var warmup = 1; warmup <= 6; warmup++)
    {
        await RunAsync($"warmup-full{warmup}", steps);
    }

    var rates = new List<double>();
    var cpuPerStep = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (status, wall, cpu) = await RunAsync($"measured{run}", steps);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
        jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTime;
        rates.Add(steps / wall.TotalSeconds);
        cpuPerStep.Add(cpu.TotalMilliseconds / steps);
        Console.WriteLine(
            $"run {run}: {steps} no-op steps (width {width}, Engine:MaxParallelSteps {parallel}): {status} in {wall.TotalSeconds:F2} s, " +
            $"{steps / wall.TotalSeconds:F0} steps/s; process CPU {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds / steps:F3} ms/step, " +
            $"{allocated / 1024.0 / steps:F1} KB allocated/step " +
            $"(JIT: {jitted} methods, {jitTime.TotalMilliseconds:F0} ms)");
    }

    Console.WriteLine(
        $"median of {runs}: {Median(rates):F0} steps/s, {Median(cpuPerStep):F3} CPU ms/step " +
        $"(best {rates.Max():F0} steps/s, {cpuPerStep.Min():F3} CPU ms/step)");

    async Task<(string Status, TimeSpan Wall, TimeSpan Cpu)> RunAsync(string name, int count)
    {
        var saved = await library.SaveAsync(name, Definition(count), "bench", "bench");
        if (!saved.Saved)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Issues));
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var execution = await backend.StartAsync(new StartExecutionRequest(name, new Dictionary<string, string>()));
        var done = await backend.WaitForCompletionAsync(execution.Id);
        clock.Stop();
        return (done?.Status.ToString() ?? "unknown", clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
}

string Definition(int count)
{
    var stepsJson = new JsonArray();
    for (var i = 0; i < count; i++)
    {
        var layer = i / width;
        var dependsOn = new JsonArray();
        if (layer > 0)
        {
            dependsOn.Add($"S{((layer - 1) * width) + (i % width):D5}");
        }

        stepsJson.Add(new JsonObject
        {
            ["Name"] = $"S{i:D5}",
            ["Type"] = "Condition",
            ["DependsOn"] = dependsOn,
            ["Arguments"] = new JsonObject
            {
                ["Conditions"] = new JsonArray(new JsonObject { ["Type"] = "Equals", ["LeftValue"] = 1, ["RightValue"] = 1 }),
                ["IfSteps"] = new JsonArray(),
                ["ElseSteps"] = new JsonArray(),
            },
        });
    }

    return new JsonObject { ["Version"] = "2020-12-01", ["Metadata"] = new JsonObject(), ["Parameters"] = new JsonArray(), ["Steps"] = stepsJson }.ToJsonString();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
