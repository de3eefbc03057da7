using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;
using PipelineStudio.TestSupport.Fakes;

namespace PipelineStudio.Engine.Tests.Scheduling;

/// <summary>The engine wired through AddLocalEngine over in-memory fakes, with a temporary data directory.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const string PipelineName = "demo";
    private readonly ServiceProvider _provider;

    public EngineHarness(TestExecutor? executor = null, int maxParallel = 8, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "ps-engine-" + Guid.NewGuid().ToString("N"));
        Executor = executor ?? new TestExecutor();
        var values = new Dictionary<string, string?>
        {
            ["Engine:MaxParallelSteps"] = maxParallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Engine:DataDirectory"] = DataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IRunStore>(Store);
        services.AddSingleton<IExecutionLeases>(Store);
        services.AddSingleton<ICallbackStore>(Callbacks);
        services.AddSingleton<ILineageStore>(Lineage);
        services.AddSingleton<IPipelineStore>(Pipelines);
        services.AddSingleton<IArtifactStore>(Artifacts);
        services.AddSingleton<IModelRegistry>(Registry);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IStepExecutor>(Executor);
        services.AddLocalEngine(configuration);
        _provider = services.BuildServiceProvider();
    }

    public InMemoryRunStore Store { get; } = new();

    public InMemoryPipelineStore Pipelines { get; } = new();

    public InMemoryCallbackStore Callbacks { get; } = new();

    public InMemoryLineageStore Lineage { get; } = new();

    public InMemoryArtifactStore Artifacts { get; } = new();

    public InMemoryModelRegistry Registry { get; } = new();

    public TestExecutor Executor { get; }

    public string DataDirectory { get; }

    public LocalExecutionBackend Backend => _provider.GetRequiredService<LocalExecutionBackend>();

    public RunEventHub Hub => _provider.GetRequiredService<RunEventHub>();

    public EngineRecovery Recovery => _provider.GetRequiredService<EngineRecovery>();

    public Task SaveAsync(JsonObject definition) => Pipelines.SaveAsync(PipelineName, definition.ToJsonString());

    public Task<ExecutionRecord> StartAsync(IReadOnlyDictionary<string, string>? parameters = null, int? maxParallel = null, SelectiveExecution? selective = null) =>
        Backend.StartAsync(new StartExecutionRequest(PipelineName, parameters ?? new Dictionary<string, string>(), MaxParallelSteps: maxParallel, Selective: selective));

    public async Task<ExecutionRecord> RunAsync(JsonObject definition, IReadOnlyDictionary<string, string>? parameters = null, int? maxParallel = null)
    {
        await SaveAsync(definition);
        var started = await StartAsync(parameters, maxParallel);
        return await WaitAsync(started.Id);
    }

    public async Task<ExecutionRecord> WaitAsync(string executionId) =>
        (await Backend.WaitForCompletionAsync(executionId).WaitAsync(TimeSpan.FromSeconds(20)))!;

    /// <summary>The token a Callback step puts in its metadata once it waits.</summary>
    public async Task<string> WaitForCallbackTokenAsync(string executionId, string step)
    {
        for (var i = 0; i < 400; i++)
        {
            var record = (await StepsAsync(executionId))[step];
            if (record.Status == StepStatus.Executing && record.MetadataJson is { } json
                && JsonNode.Parse(json)?["Callback"]?["CallbackToken"]?.GetValue<string>() is { } token)
            {
                return token;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The callback step never published its token.");
    }

    public ExecutionLeaseKeeper Keeper => _provider.GetRequiredService<ExecutionLeaseKeeper>();

    public async Task<Dictionary<string, StepRecord>> StepsAsync(string executionId) =>
        (await Store.ListStepsAsync(executionId)).ToDictionary(s => s.StepName);

    public void Dispose()
    {
        _provider.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
