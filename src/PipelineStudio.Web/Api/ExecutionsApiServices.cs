using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Web.Api;

/// <summary>What the execution and callback endpoints need, injected as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ExecutionsApiServices(IExecutionBackend backend, IRunStore runs, IPipelineStore pipelines, EngineOptions engine)
{
    public IExecutionBackend Backend { get; } = backend;

    public IRunStore Runs { get; } = runs;

    public IPipelineStore Pipelines { get; } = pipelines;

    /// <summary>Where the engine writes step logs (<see cref="EngineOptions.DataDirectory"/>).</summary>
    public EngineOptions Engine { get; } = engine;
}
