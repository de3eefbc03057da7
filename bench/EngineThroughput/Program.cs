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
// announced). Prints steps/s for one execution, after a warm-up execution.
// Arguments: [steps=1000] [width=20] [Engine:MaxParallelSteps=0, i.e. processor count x 2].
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var width = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var parallel = args.Length > 2 ? args[2] : "0";
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

    await RunAsync("warmup", Math.Min(steps, 50));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var status = await RunAsync("measured", steps);
    clock.Stop();
    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(
        $"{steps} no-op steps (width {width}, Engine:MaxParallelSteps {parallel}): {status} in {clock.Elapsed.TotalSeconds:F2} s, " +
        $"{steps / clock.Elapsed.TotalSeconds:F0} steps/s; process CPU {cpuUsed.TotalSeconds:F2} s");

    async Task<string> RunAsync(string name, int count)
    {
        var saved = await library.SaveAsync(name, Definition(count), "bench", "bench");
        if (!saved.Saved)
        {
            throw new InvalidOperationException(string.Join("; ", saved.Issues));
        }

        var execution = await backend.StartAsync(new StartExecutionRequest(name, new Dictionary<string, string>()));
        var done = await backend.WaitForCompletionAsync(execution.Id);
        return done?.Status.ToString() ?? "unknown";
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
