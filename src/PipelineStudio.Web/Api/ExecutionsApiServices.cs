using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Api;

/// <summary>What the execution and callback endpoints need, injected as one <c>[AsParameters]</c> bundle.</summary>
public sealed class ExecutionsApiServices(IExecutionBackend backend, IRunStore runs, IPipelineStore pipelines, StepLogReader logs)
{
    public IExecutionBackend Backend { get; } = backend;

    public IRunStore Runs { get; } = runs;

    public IPipelineStore Pipelines { get; } = pipelines;

    /// <summary>The step logs the engine writes, read the same way the execution page reads them.</summary>
    public StepLogReader Logs { get; } = logs;
}
