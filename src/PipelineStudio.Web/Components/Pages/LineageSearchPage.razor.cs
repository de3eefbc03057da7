using Microsoft.AspNetCore.Components;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Components.Pages;

/// <summary>Search over recorded lineage (id, name, URI, hash); each result opens the explorer on that entity.</summary>
public partial class LineageSearchPage
{
    private const int ResultLimit = 50;

    private string _text = "";
    private IReadOnlyList<LineageEntity>? _results;
    private string? _error;
    private bool _searching;

    /// <summary>The search text, kept in the URL (<c>?q=</c>) so the back button returns to the results.</summary>
    [SupplyParameterFromQuery(Name = "q")]
    public string? Query { get; set; }

    [Inject]
    public required ILineageStore Store { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required ILogger<LineageSearchPage> Logger { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        if ((Query ?? "") != _text || (_results is null && !string.IsNullOrWhiteSpace(Query)))
        {
            _text = Query ?? "";
            await RunSearchAsync();
        }
    }

    private async Task SearchAsync(string text)
    {
        _text = text ?? "";
        Navigation.NavigateTo(string.IsNullOrWhiteSpace(_text) ? "/lineage" : $"/lineage?q={Uri.EscapeDataString(_text.Trim())}", new NavigationOptions { ReplaceHistoryEntry = true });
        await RunSearchAsync();
    }

    private async Task RunSearchAsync()
    {
        _error = null;
        if (string.IsNullOrWhiteSpace(_text))
        {
            _results = null;
            return;
        }

        _searching = true;
        try
        {
            _results = await Store.SearchAsync(_text.Trim(), ResultLimit);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _error = UserFacingErrors.Describe(exception, Logger, "searching lineage");
        }
        finally
        {
            _searching = false;
        }
    }
}
