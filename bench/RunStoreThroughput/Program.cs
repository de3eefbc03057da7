using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Persistence;

// Writes N no-op step lifecycles through SqliteRunStore the way the engine does, each write awaited before the
// next, from concurrent "executors": Pending (with its execution) -> Starting -> attempt Executing -> Executing
// -> attempt Succeeded -> Succeeded. Prints steps/s. Usage: [steps=20000] [executors=16] [stepsPerExecution=1000].
var steps = ArgOr(0, 20_000);
var executors = ArgOr(1, 16);
var perExecution = ArgOr(2, 1_000);

var dataDirectory = Path.Combine(Path.GetTempPath(), "runstore-throughput", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataDirectory);
try
{
    await using var provider = new ServiceCollection().AddStudioPersistence(dataDirectory).BuildServiceProvider();
    await provider.InitializeStudioDatabaseAsync();
    var store = provider.GetRequiredService<IRunStore>();
    var time = TimeProvider.System;

    // Warm up the JIT and the writer's connection and prepared statements outside the measurement.
    await store.CreateExecutionAsync(Execution("warmup"), [new StepRecord("warmup", "S", "Processing", StepStatus.Pending)]);

    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var queue = new List<(string Execution, string Step)>(steps);
    for (var e = 0; e * perExecution < steps; e++)
    {
        var id = $"x{e}";
        var pending = Enumerable.Range(0, Math.Min(perExecution, steps - (e * perExecution)))
            .Select(i => new StepRecord(id, $"Step{i:D5}", "Processing", StepStatus.Pending))
            .ToList();
        await store.CreateExecutionAsync(Execution(id), pending);
        queue.AddRange(pending.Select(s => (id, s.StepName)));
    }

    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, executors).Select(_ => Task.Run(async () =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < queue.Count)
        {
            var (execution, name) = queue[index];
            var started = time.GetUtcNow();
            var step = new StepRecord(execution, name, "Processing", StepStatus.Starting, started, started, AttemptCount: 1, CacheKey: "k");
            var attempt = new AttemptRecord(execution, name, 1, StepStatus.Executing, started);
            await store.SaveStepAsync(step);
            await store.SaveAttemptAsync(attempt);
            await store.SaveStepAsync(step with { Status = StepStatus.Executing });
            var ended = time.GetUtcNow();
            await store.SaveAttemptAsync(attempt with { Status = StepStatus.Succeeded, EndedAt = ended });
            await store.SaveStepAsync(step with { Status = StepStatus.Succeeded, EndedAt = ended, PropertiesJson = "{}" });
        }
    })));
    clock.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

    var succeeded = (await store.ListStepsAsync("x0")).Count(s => s.Status == StepStatus.Succeeded);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{steps} step lifecycles ({steps * 6} writes), {executors} executors: {seconds:F2} s, {steps / seconds:F0} steps/s, " +
        $"{steps * 6 / seconds:F0} writes/s. Process CPU {cpu:F2} s ({steps / cpu:F0} steps per CPU-second, " +
        $"{Environment.ProcessorCount} cores). Check: x0 has {succeeded} succeeded steps."));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(dataDirectory, recursive: true);
}

int ArgOr(int position, int fallback) =>
    args.Length > position ? int.Parse(args[position], CultureInfo.InvariantCulture) : fallback;

ExecutionRecord Execution(string id) =>
    new(id, "bench", 1, ExecutionStatus.Executing, new Dictionary<string, string> { ["P"] = "1" }, TimeProvider.System.GetUtcNow());
