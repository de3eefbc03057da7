using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>What one side of the page shows: nothing asked yet, an id that names nothing, or the loaded side.</summary>
public sealed record UpstreamCompareSide(string? Query, LoadedUpstreamSide? Loaded)
{
    public bool IsMissing => string.IsNullOrWhiteSpace(Query);

    public bool IsNotFound => !IsMissing && Loaded is null;
}

/// <summary>
/// The "what changed upstream" page's state for <c>?a=&amp;b=</c>: both sides resolved and loaded, and their comparison
/// once both are there. Reloads only the side whose id changed.
/// </summary>
public sealed class UpstreamCompareViewModel(UpstreamComparisonLoader loader)
{
    public UpstreamCompareSide A { get; private set; } = new(null, null);

    public UpstreamCompareSide B { get; private set; } = new(null, null);

    /// <summary>Null until both sides are loaded.</summary>
    public UpstreamComparison? Comparison { get; private set; }

    public bool IsLoading { get; private set; } = true;

    public async Task LoadAsync(string? a, string? b, CancellationToken cancellationToken = default)
    {
        IsLoading = true;
        try
        {
            A = await SideAsync(A, a, cancellationToken);
            B = await SideAsync(B, b, cancellationToken);
            Comparison = A.Loaded is { } left && B.Loaded is { } right ? UpstreamComparison.Compare(left.Side, right.Side) : null;
        }
        finally
        {
            IsLoading = false;
        }
    }

    private async Task<UpstreamCompareSide> SideAsync(UpstreamCompareSide current, string? query, CancellationToken cancellationToken)
    {
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (query == current.Query && (current.Loaded is not null || query is null))
        {
            return current;
        }

        var root = query is null ? null : await loader.ResolveAsync(query, cancellationToken);
        return new UpstreamCompareSide(query, root is null ? null : await loader.LoadAsync(root, cancellationToken));
    }
}
