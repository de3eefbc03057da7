using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Runs;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Persistence;

// A sweep of N one-step executions (a /bin/sh step that sleeps S seconds) at concurrency C, through the
// real engine, the SQLite stores and the sweep runner. Prints the wall time against the ideal
// ceil(N / C) x S, the most executions seen unfinished at once (from the run events), and the refill gap:
// how long after one execution ended the runner had the next one stored and started.
// Arguments: [executions=100] [concurrency=10] [step seconds=1].
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0;
var data = Path.Combine(Path.GetTempPath(), "sweep-throughput", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(data);
try
{
    // Step slots well above the sweep's cap, so the cap under test is the sweep's and not the engine's.
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Studio:DataDirectory"] = data, ["Engine:MaxParallelSteps"] = $"{concurrency * 2}" })
        .Build();
    var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddStudioPersistence(data);
    services.AddSingleton<PipelineLibrary>();
    services.AddLocalEngine(configuration);
    services.AddSingleton(sp => new SweepRunner(
        sp.GetRequiredService<IExecutionBackend>(), sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<IRunEventHub>(),
        sp.GetRequiredService<ISweepStore>(), sp.GetRequiredService<TimeProvider>()));
    await using var provider = services.BuildServiceProvider();
    await provider.InitializeStudioDatabaseAsync();

    var saved = await provider.GetRequiredService<PipelineLibrary>().SaveAsync("sleeper", Definition(seconds), "bench", "bench");
    if (!saved.Saved)
    {
        throw new InvalidOperationException(string.Join("; ", saved.Issues));
    }

    var unfinished = new ConcurrentDictionary<string, byte>();
    var maxUnfinished = 0;
    using var counter = provider.GetRequiredService<IRunEventHub>().Subscribe(null, e =>
    {
        if (e is ExecutionChanged { Execution: var x })
        {
            if (x.Status.IsFinished())
            {
                unfinished.TryRemove(x.Id, out _);
            }
            else if (unfinished.TryAdd(x.Id, 0))
            {
                InterlockedMax(ref maxUnfinished, unfinished.Count);
            }
        }

        return ValueTask.CompletedTask;
    });

    var runner = provider.GetRequiredService<SweepRunner>();
    var values = Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
    var spec = new SweepSpec(SweepMode.Grid, [new SweepAxis("Index", values)], new Dictionary<string, string>());
    var members = values.Select(v => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Index"] = v }).ToList();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var sweep = await runner.StartAsync(new SweepLaunch("sleeper", 1, spec, members, concurrency, FailFast: false, "bench"));
    var done = await runner.WaitForCompletionAsync(sweep.Id);
    clock.Stop();
    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;

    var executions = (await provider.GetRequiredService<IRunStore>().ListExecutionsAsync(new ExecutionQuery("sleeper", Limit: count + 1)))
        .OrderBy(e => e.CreatedAt).ToList();
    var ends = executions.Select(e => e.EndedAt!.Value).Order().ToList();

    // The k-th start after the first C waits for the (k-C)-th end: that wait is the runner's refill gap.
    var gaps = executions.Skip(concurrency).Select((e, k) => (e.CreatedAt - ends[k]).TotalMilliseconds).Order().ToList();
    var ideal = Math.Ceiling(count / (double)concurrency) * seconds;
    Console.WriteLine(
        $"{count} executions of a {seconds:0.###} s step at concurrency {concurrency}: {done?.Status} in {clock.Elapsed.TotalSeconds:F2} s " +
        (ideal > 0 ? $"(ideal {ideal:F1} s, {clock.Elapsed.TotalSeconds / ideal:F2}x)" : "(all overhead)") + $"; most unfinished at once {maxUnfinished}; " +
        $"{executions.Count(e => e.Status == ExecutionStatus.Succeeded)} succeeded; process CPU {cpuUsed.TotalSeconds:F2} s");
    if (gaps.Count > 0)
    {
        Console.WriteLine(
            $"refill gap (an end to the next start): median {gaps[gaps.Count / 2]:F0} ms, p95 {gaps[(int)(gaps.Count * 0.95)]:F0} ms, max {gaps[^1]:F0} ms");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
}

static void InterlockedMax(ref int target, int value)
{
    int seen;
    while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
    {
    }
}

static string Definition(double seconds) => $$$"""
    {"Version":"2020-12-01","Metadata":{},"Parameters":[{"Name":"Index","Type":"Integer","DefaultValue":1}],
     "Steps":[{"Name":"Sleep","Type":"Processing","Arguments":{
       "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
       "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","sleep {{{seconds.ToString(CultureInfo.InvariantCulture)}}}"]},
       "Environment":{"INDEX":{"Get":"Parameters.Index"}},
       "RoleArn":"arn:aws:iam::123456789012:role/bench"}}]}
    """;
