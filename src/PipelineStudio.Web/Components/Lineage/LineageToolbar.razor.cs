using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Components.Lineage;

/// <summary>Direction, depth, grouping, type chips and exports; every change is reported as a new view state (the page puts it in the URL).</summary>
public sealed partial class LineageToolbar
{
    /// <summary>Twice the SVG's size, so the PNG stays sharp on a slide (the script scales huge graphs down to what a canvas holds).</summary>
    private const int PngScale = 2;

    private bool _exportingPng;

    private static readonly LineageDirection[] Directions = [LineageDirection.Upstream, LineageDirection.Both, LineageDirection.Downstream];

    [Parameter, EditorRequired]
    public string RootId { get; set; } = "";

    [Parameter, EditorRequired]
    public LineageViewState State { get; set; } = new();

    /// <summary>Every type in the loaded graph (shown or hidden).</summary>
    [Parameter]
    public IReadOnlyList<string> Types { get; set; } = [];

    /// <summary>The kind of each type, for the chip's icon (a type name alone does not say whether it is an action).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, LineageKind> KindOfType { get; set; } = new Dictionary<string, LineageKind>();

    [Parameter]
    public EventCallback<LineageViewState> StateChanged { get; set; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private string ExportUrl(string format) =>
        $"/api/v1/lineage/{Uri.EscapeDataString(RootId)}/export?format={format}&{State.ToQueryString()}";

    private LineageEntityStyle StyleOf(string type) => LineageEntityStyles.For(KindOfType.GetValueOrDefault(type), type);

    private Task Change(LineageViewState state) => StateChanged.InvokeAsync(state);

    /// <summary>The browser rasterises the SVG export (wwwroot-assets/js/lineage-export.js) and downloads it.</summary>
    private async Task ExportPngAsync()
    {
        _exportingPng = true;
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "/assets/js/lineage-export.js");
            await module.InvokeVoidAsync("downloadPng", ExportUrl("svg"), $"lineage-{RootId}.png", PngScale);
        }
        catch (JSException exception)
        {
            Snackbar.Add($"The PNG could not be made: {exception.Message}", Severity.Error);
        }
        catch (TaskCanceledException)
        {
            Snackbar.Add("The PNG took too long to make; try a smaller graph (less depth or fewer types).", Severity.Warning);
        }
        catch (JSDisconnectedException)
        {
            // The page was closed or reloaded meanwhile: there is no one to show the PNG or an error to.
        }
        finally
        {
            _exportingPng = false;
        }
    }
}
