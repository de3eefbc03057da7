using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace PipelineStudio.Web.Components.Layout;

public partial class MainLayout
{
    // Remembered per browser in localStorage; the key is namespaced so other apps on the host don't clash.
    private const string ThemeStorageKey = "pipelinestudio.theme";

    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private ErrorBoundary? _errorBoundary;

    [Inject]
    public required IJSRuntime JS { get; init; }

    protected override void OnParametersSet() =>
        // A new page gets a fresh chance after an error on the previous one.
        _errorBoundary?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var stored = await JS.InvokeAsync<string?>("localStorage.getItem", ThemeStorageKey);
            if (stored == "dark")
            {
                _isDarkMode = true;
                StateHasChanged();
            }
        }
        catch (JSException)
        {
            // Storage can be disabled (private mode, policies): the theme then lasts for the circuit.
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void Recover() => _errorBoundary?.Recover();

    private async Task ToggleDarkModeAsync()
    {
        _isDarkMode = !_isDarkMode;
        try
        {
            await JS.InvokeVoidAsync("localStorage.setItem", ThemeStorageKey, _isDarkMode ? "dark" : "light");
        }
        catch (JSException)
        {
            // See OnAfterRenderAsync: not remembering the choice is acceptable.
        }
    }
}
