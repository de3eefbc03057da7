using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Api;

/// <summary>What the pipeline endpoints need, injected as one <c>[AsParameters]</c> bundle.</summary>
public sealed class PipelinesApiServices(IPipelineStore store, PipelineLibrary library, StudioUser user)
{
    public IPipelineStore Store { get; } = store;

    public PipelineLibrary Library { get; } = library;

    public StudioUser User { get; } = user;
}
