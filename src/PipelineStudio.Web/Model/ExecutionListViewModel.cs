using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Web.Model;

/// <summary>
/// State of the executions page: the filter, the rows loaded so far (newest first, a page at a time), and the
/// live changes from run events applied in batches.
/// </summary>
public sealed class ExecutionListViewModel(IRunStore runs, IPipelineStore pipelines, TimeProvider clock, ILogger logger)
{
    public const int PageSize = 50;

    private readonly List<ExecutionRow> _rows = [];

    public ExecutionFilter Filter { get; private set; } = new();

    public IReadOnlyList<ExecutionRow> Rows => _rows;

    /// <summary>Pipeline names for the filter, by name.</summary>
    public IReadOnlyList<string> PipelineNames { get; private set; } = [];

    public bool IsLoading { get; private set; } = true;

    public bool IsLoadingMore { get; private set; }

    public bool HasMore { get; private set; }

    public string? LoadError { get; private set; }

    /// <summary>True when the store has no execution at all, as opposed to none matching the filter.</summary>
    public bool StoreIsEmpty { get; private set; }

    public bool AnyRunning => _rows.Any(r => r.IsRunning);

    public async Task LoadAsync(ExecutionFilter filter, CancellationToken cancellationToken = default)
    {
        Filter = filter;
        IsLoading = true;
        _rows.Clear();
        try
        {
            if (PipelineNames.Count == 0)
            {
                PipelineNames = (await pipelines.ListAsync(cancellationToken: cancellationToken)).Select(p => p.Name).ToList();
            }

            await LoadPageAsync(0, cancellationToken);
            StoreIsEmpty = _rows.Count == 0 && (filter.IsEmpty
                || (await runs.ListExecutionsAsync(new ExecutionQuery(Limit: 1), cancellationToken)).Count == 0);
            LoadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "listing executions");
        }
        finally
        {
            IsLoading = false;
        }
    }

    public async Task LoadMoreAsync(CancellationToken cancellationToken = default)
    {
        IsLoadingMore = true;
        try
        {
            await LoadPageAsync(_rows.Count, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LoadError = UserFacingErrors.Describe(ex, logger, "listing executions");
        }
        finally
        {
            IsLoadingMore = false;
        }
    }

    /// <summary>Applies run events: updates rows in place, and adds executions started since that match the filter.</summary>
    /// <returns>Whether anything visible changed.</returns>
    public async Task<bool> ApplyAsync(IReadOnlyList<RunEvent> events, CancellationToken cancellationToken = default)
    {
        var changed = false;
        foreach (var runEvent in events)
        {
            var row = _rows.Find(r => r.Id == runEvent.ExecutionId);
            switch (runEvent)
            {
                case ExecutionChanged { Execution: var execution } when row is not null:
                    row.Execution = execution;
                    changed = true;
                    break;
                case ExecutionChanged { Execution: var execution } when Filter.Matches(execution, clock.GetUtcNow()):
                    try
                    {
                        var steps = await runs.ListStepsAsync(execution.Id, cancellationToken);
                        Insert(new ExecutionRow(execution, steps));
                        StoreIsEmpty = false;
                        changed = true;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The next reload shows it; a live update is not worth an error on the page.
                        _ = UserFacingErrors.Describe(ex, logger, "adding a new execution to the list");
                    }

                    break;
                case StepChanged { Step: var step } when row is not null:
                    row.Update(step);
                    changed = true;
                    break;
            }
        }

        return changed;
    }

    private async Task LoadPageAsync(int offset, CancellationToken cancellationToken)
    {
        // One more than a page tells whether another page exists without counting.
        var page = await runs.ListExecutionsAsync(Filter.ToQuery(clock.GetUtcNow(), PageSize + 1, offset), cancellationToken);
        HasMore = page.Count > PageSize;
        var added = page.Take(PageSize).Where(e => _rows.TrueForAll(r => r.Id != e.Id)).ToList();

        // One read for the whole page's steps: a read per row was most of the page's cost.
        var steps = await runs.ListStepsOfExecutionsAsync(added.ConvertAll(e => e.Id), cancellationToken);
        foreach (var execution in added)
        {
            _rows.Add(new ExecutionRow(execution, steps.GetValueOrDefault(execution.Id) ?? []));
        }
    }

    private void Insert(ExecutionRow row)
    {
        var index = _rows.FindIndex(r => r.Execution.CreatedAt < row.Execution.CreatedAt);
        _rows.Insert(index < 0 ? _rows.Count : index, row);
    }
}
