using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>One loaded side: the entity, its upstream and, when known, the execution it came from.</summary>
public sealed record LoadedUpstreamSide(LineageEntity Root, UpstreamSide Side, ExecutionRecord? Execution, bool Truncated);

/// <summary>
/// Loads what a comparison needs: each side's entity (found by its lineage id, a model package id such as
/// <c>churn-models-3</c>, or an execution id), its upstream in one query, and its execution's parameters.
/// </summary>
public sealed class UpstreamComparisonLoader(ILineageStore lineage, IModelRegistry registry, IRunStore runs)
{
    /// <summary>Far enough for any pipeline's upstream; the node cap keeps a shared dataset's hundreds of runs in check.</summary>
    public const int Depth = LineageQuery.DepthLimit;

    /// <summary>The entity an id names, trying lineage ids, then model package ids, then execution ids; null when none matches.</summary>
    public async Task<LineageEntity?> ResolveAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        id = id.Trim();
        if (await lineage.GetAsync(id, cancellationToken) is { } entity)
        {
            return entity;
        }

        if (ModelPackageIds.ArnOf(id) is { } arn && await registry.GetPackageAsync(arn, cancellationToken) is { } package
            && await lineage.GetAsync(LineageIds.Artifact(LineageTypes.ModelPackage, package.Arn), cancellationToken) is { } packageEntity)
        {
            return packageEntity;
        }

        return await lineage.GetAsync(LineageIds.ExecutionContext(id), cancellationToken);
    }

    public async Task<LoadedUpstreamSide> LoadAsync(LineageEntity root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var upstream = await lineage.QueryAsync(
            new LineageQuery(root.Id, LineageDirection.Upstream, Depth, MaxNodes: LineageViewState.MaxNodes), cancellationToken);
        var executionId = UpstreamComparison.PrimaryExecutionOf(root, upstream);
        var execution = executionId is null ? null : await runs.GetExecutionAsync(executionId, cancellationToken);
        return new LoadedUpstreamSide(root, new UpstreamSide(root, upstream, executionId, execution?.Parameters), execution, upstream.Truncated);
    }

    /// <summary>Candidates for the other side: entities matching the text, models and executions first (what people compare).</summary>
    public async Task<IReadOnlyList<LineageEntity>> SearchAsync(string text, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(text) ? [] :
        [.. (await lineage.SearchAsync(text.Trim(), 30, cancellationToken)).OrderBy(e => e.Type switch
        {
            LineageTypes.ModelPackage => 0,
            LineageTypes.PipelineExecution => 1,
            LineageTypes.Model => 2,
            _ => 3,
        })];
}
