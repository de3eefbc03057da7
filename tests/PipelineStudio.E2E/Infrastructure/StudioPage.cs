using Microsoft.Playwright;

namespace PipelineStudio.E2E.Infrastructure;

/// <summary>The element hooks of the web contract, and the steps every E2E test repeats.</summary>
public sealed class StudioPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator ImportSubmit => Page.Locator("#import-submit");

    public ILocator StepNodes => Page.Locator(".step-node");

    public ILocator ValidationIssues => Page.Locator(".validation-issue");

    public ILocator StepDetails => Page.Locator("#step-details");

    /// <summary>Opens a route and waits until the Blazor circuit is connected (the layout says so).</summary>
    public async Task OpenInteractiveAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("#studio-root[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public async Task OpenImportDialogAsync()
    {
        await Page.Locator("#import-button").ClickAsync();
        await Field("import-json").WaitForAsync();
    }

    public ILocator ImportName => Field("import-name");

    public ILocator ImportJson => Field("import-json");

    /// <summary>
    /// Pastes the definition, then types the name and leaves the field (Tab) as a person would.
    /// Leaving the field commits the debounced name at once; the slow part (validating a large
    /// paste) is already done, so no re-render races the name's debounce timer.
    /// </summary>
    public async Task FillImportAsync(string name, string json)
    {
        await ImportJson.FillAsync(json);
        await ImportName.FillAsync(name);
        await ImportName.PressAsync("Tab");
    }

    /// <summary>The input of a launch-form parameter (<c>[data-parameter=Name]</c>).</summary>
    public ILocator ParameterInput(string name) => Page.Locator($"#launch-form [data-parameter='{name}'] input").First;

    public ILocator LaunchSubmit => Page.Locator("#launch-submit");

    /// <summary>One parameter's block on the sweep form (<c>[data-sweep-parameter=Name]</c>).</summary>
    public ILocator SweepParameter(string name) => Page.Locator($"[data-sweep-parameter='{name}']");

    /// <summary>Picks an option of an open MudSelect by its text.</summary>
    public async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>Switches between light and dark with the app bar's toggle.</summary>
    public async Task ToggleThemeAsync()
    {
        await Page.Locator("#theme-toggle").ClickAsync();

        // Off the toggle, so its tooltip does not cover the page in the next screenshot.
        await Page.Mouse.MoveAsync(700, 890);
    }

    /// <summary>Saves a full-page screenshot to the test artifacts folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(E2ESettings.ArtifactsDirectory, $"{name}.png");

        // A page scrolled by an earlier click would be stitched with the fixed app bar in its middle.
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    // The id may sit on the input itself (MudTextField InputId) or on a wrapper around it.
    private ILocator Field(string id) =>
        Page.Locator($"input#{id}, textarea#{id}, #{id} input, #{id} textarea").First;
}
