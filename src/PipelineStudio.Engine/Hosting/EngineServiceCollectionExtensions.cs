using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Artifacts;
using PipelineStudio.Engine.Lineage;
using PipelineStudio.Engine.Middleware;
using PipelineStudio.Engine.Runtime;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Steps.Control;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Hosting;

/// <summary>
/// Registers the local engine. The host supplies IRunStore, IExecutionLeases, ICallbackStore, ILineageStore, IPipelineStore
/// and IModelRegistry (persistence), and runs <see cref="ExecutionLeaseKeeper"/> while it lives.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>The configuration key the studio's data directory comes from (shared with persistence).</summary>
    public const string DataDirectoryKey = "Studio:DataDirectory";

    public static IServiceCollection AddLocalEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => ReadOptions(configuration));
        services.TryAddSingleton<IArtifactStore>(sp => LocalArtifactStore.ForDataDirectory(sp.GetRequiredService<EngineOptions>().DataDirectory));
        services.TryAddSingleton<SampleStager>();
        services.TryAddSingleton<RunEventHub>();
        services.TryAddSingleton<IRunEventHub>(sp => sp.GetRequiredService<RunEventHub>());
        services.TryAddSingleton<CallbackRegistry>();
        services.TryAddSingleton<EngineInstance>();
        services.TryAddSingleton<StepLineageRecorder>();
        services.TryAddSingleton(sp => new RunStatePublisher(
            sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<IRunEventHub>(), sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<IProcessRuntime, LocalProcessRuntime>();
        services.TryAddSingleton(_ => ImageCommandMap.FromConfiguration(configuration));
        services.AddSingleton<IStepExecutor, ConditionExecutor>();
        services.AddSingleton<IStepExecutor, FailExecutor>();
        services.AddSingleton<IStepExecutor, ModelExecutor>();
        services.AddSingleton<IStepExecutor, RegisterModelExecutor>();
        services.AddSingleton<IStepExecutor, LambdaExecutor>();
        services.AddSingleton<IStepExecutor, CallbackExecutor>();
        services.AddSingleton<IStepExecutor, ProcessingExecutor>();
        services.AddSingleton<IStepExecutor, TrainingExecutor>();
        services.AddSingleton<IStepExecutor, TransformExecutor>();
        services.AddSingleton<IStepExecutor, TuningExecutor>();
        services.TryAddSingleton(sp => new StepExecutorRegistry(sp.GetServices<IStepExecutor>()));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<EngineOptions>();
            var pipeline = new StepPipeline(sp.GetRequiredService<StepExecutorRegistry>(), sp.GetRequiredService<IArtifactStore>(), options);
            var slots = options.EffectiveMaxParallelSteps;
            return new EngineServices(
                sp.GetRequiredService<RunStatePublisher>(), pipeline, new SemaphoreSlim(slots, slots),
                sp.GetRequiredService<IArtifactStore>(), sp,
                sp.GetService<ILoggerFactory>()?.CreateLogger<ExecutionCoordinator>() ?? (ILogger)NullLogger.Instance);
        });
        services.TryAddSingleton<LocalExecutionBackend>();
        services.TryAddSingleton<IExecutionBackend>(sp => sp.GetRequiredService<LocalExecutionBackend>());
        services.TryAddSingleton<EngineRecovery>();
        services.TryAddSingleton<ExecutionLeaseKeeper>();
        return services;
    }

    /// <summary>The <c>Engine</c> section, with the data directory from <c>Studio:DataDirectory</c> (default <c>data</c>) when not set there.</summary>
    public static EngineOptions ReadOptions(IConfiguration configuration)
    {
        var options = new EngineOptions();
        var section = configuration.GetSection(EngineOptions.SectionName);
        if (int.TryParse(section[nameof(EngineOptions.MaxParallelSteps)], out var max))
        {
            options.MaxParallelSteps = max;
        }

        if (int.TryParse(section[nameof(EngineOptions.LambdaTimeoutSeconds)], out var timeout))
        {
            options.LambdaTimeoutSeconds = timeout;
        }

        if (int.TryParse(section[nameof(EngineOptions.LeaseSeconds)], out var lease))
        {
            options.LeaseSeconds = lease;
        }

        foreach (var function in section.GetSection(nameof(EngineOptions.Lambda)).GetChildren())
        {
            options.Lambda[function.Key] = new LambdaTarget { Command = function["Command"], Url = function["Url"] };
        }

        options.Callback.Outbox = section["Callback:Outbox"];
        var directory = section[nameof(EngineOptions.DataDirectory)] ?? configuration[DataDirectoryKey];
        options.DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? "data" : directory.Trim());
        return options;
    }
}
