using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Model;

/// <summary>
/// State of the pipelines page: the loaded list and the live search over it. Filtering happens in
/// memory so typing never waits for the store.
/// </summary>
public sealed class PipelineListViewModel(IPipelineStore store, ILogger logger)
{
    private IReadOnlyList<PipelineSummary> _all = [];

    public bool IsLoading { get; private set; } = true;

    /// <summary>Why the list could not be loaded; null when it loaded.</summary>
    public string? LoadError { get; private set; }

    public string SearchText { get; set; } = "";

    /// <summary>True when the store holds no pipeline at all (not merely none matching the search).</summary>
    public bool IsEmpty => !IsLoading && LoadError is null && _all.Count == 0;

    public int TotalCount => _all.Count;

    public IReadOnlyList<PipelineSummary> Visible => string.IsNullOrWhiteSpace(SearchText)
        ? _all
        : _all.Where(Matches).ToList();

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        IsLoading = true;
        try
        {
            _all = await store.ListAsync(cancellationToken: cancellationToken);
            LoadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The page shows the reason instead of a dead circuit.
            LoadError = UserFacingErrors.Describe(ex, logger, "listing pipelines");
        }
        finally
        {
            IsLoading = false;
        }
    }

    private bool Matches(PipelineSummary pipeline)
    {
        var search = SearchText.Trim();
        return Contains(pipeline.Name, search) || Contains(pipeline.DisplayName, search) || Contains(pipeline.Description, search);
    }

    private static bool Contains(string? text, string search) =>
        text is not null && text.Contains(search, StringComparison.OrdinalIgnoreCase);
}
