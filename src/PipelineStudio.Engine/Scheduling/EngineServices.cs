using Microsoft.Extensions.Logging;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Middleware;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>What every coordinator shares: the state publisher, the step chain, the global slots and the artifact store.</summary>
/// <param name="GlobalSlots">The global cap on running steps (Engine:MaxParallelSteps) across all executions.</param>
public sealed record EngineServices(
    RunStatePublisher State,
    StepPipeline Pipeline,
    SemaphoreSlim GlobalSlots,
    IArtifactStore Artifacts,
    IServiceProvider Services,
    ILogger Logger);
