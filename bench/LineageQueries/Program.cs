using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Persistence;

// Lineage walks (upstream from a model, downstream from a first output, depth 10) over ~1,000,000 associations,
// through ILineageStore (entities and edges materialized) and, for comparison, as the bare recursive CTE (ids only).
var executions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var queries = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
var dataDirectory = Path.Combine(Path.GetTempPath(), "ps-lineage-bench");
Directory.CreateDirectory(dataDirectory);
await using var provider = new ServiceCollection().AddStudioPersistence(dataDirectory).BuildServiceProvider();
await provider.InitializeStudioDatabaseAsync();
var connectionString = $"Data Source={StudioDataDirectory.DatabasePath(dataDirectory)};Pooling=true";

using (var connection = new SqliteConnection(connectionString))
{
    connection.Open();
    using var count = connection.CreateCommand();
    count.CommandText = "SELECT count(*) FROM LineageAssociations;";
    if ((long)count.ExecuteScalar()! < executions * 45L)
    {
        var watch = Stopwatch.StartNew();
        var (entities, associations) = LineageStoreGenerator.Generate(connectionString, executions);
        Console.WriteLine($"generated {entities:N0} entities, {associations:N0} associations in {watch.Elapsed.TotalSeconds:F1} s");
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }
}

var store = provider.GetRequiredService<ILineageStore>();
var random = new Random(42);
string RandomExecution() => $"ex{random.Next(executions):D6}";
var model = (string execution) => LineageIds.Artifact(LineageTypes.Model, $"{execution}-out-{LineageStoreGenerator.StepsPerExecution - 1}");
var firstOutput = (string execution) => LineageIds.Artifact(LineageTypes.DataSet, $"{execution}-out-0");

async Task MeasureAsync(string label, Func<string, Task<(int Nodes, int Edges)>> query)
{
    for (var i = 0; i < 50; i++)
    {
        await query(RandomExecution());
    }

    var times = new List<double>();
    long nodes = 0, edges = 0;
    for (var i = 0; i < queries; i++)
    {
        var execution = RandomExecution();
        var watch = Stopwatch.StartNew();
        var (n, e) = await query(execution);
        times.Add(watch.Elapsed.TotalMilliseconds);
        (nodes, edges) = (nodes + n, edges + e);
    }

    times.Sort();
    Console.WriteLine($"{label,-44} p50 {times[times.Count / 2],6:F2} ms  p95 {times[(int)(times.Count * 0.95)],6:F2} ms  max {times[^1],7:F2} ms" +
        $"  (avg {nodes / queries} nodes, {edges / queries} edges)");
}

await MeasureAsync("store: upstream depth 10 from a model", async e =>
{
    var g = await store.QueryAsync(new LineageQuery(model(e), LineageDirection.Upstream, 10));
    return (g.Nodes.Count, g.Edges.Count);
});
await MeasureAsync("store: downstream depth 10 from a first output", async e =>
{
    var g = await store.QueryAsync(new LineageQuery(firstOutput(e), LineageDirection.Downstream, 10));
    return (g.Nodes.Count, g.Edges.Count);
});
await MeasureAsync("store: both directions depth 10 from a step run", async e =>
{
    var g = await store.QueryAsync(new LineageQuery(LineageIds.StepRun(e, "Step5"), LineageDirection.Both, 10));
    return (g.Nodes.Count, g.Edges.Count);
});

using var bare = new SqliteConnection(connectionString);
bare.Open();
using var cte = bare.CreateCommand();
cte.CommandText = """
    WITH RECURSIVE walk(Id, Depth) AS (SELECT $start, 0 UNION
      SELECT a.SourceId, w.Depth + 1 FROM walk w JOIN LineageAssociations a ON a.DestinationId = w.Id WHERE w.Depth < 10)
    SELECT DISTINCT Id FROM walk;
    """;
cte.Parameters.Add(new SqliteParameter("$start", DBNull.Value));
await MeasureAsync("bare CTE: upstream depth 10 from a model (ids)", e =>
{
    cte.Parameters[0].Value = model(e);
    using var reader = cte.ExecuteReader();
    var n = 0;
    while (reader.Read())
    {
        n++;
    }

    return Task.FromResult((n, 0));
});

