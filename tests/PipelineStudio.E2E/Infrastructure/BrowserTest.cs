using Microsoft.Playwright;

namespace PipelineStudio.E2E.Infrastructure;

/// <summary>Runs a test body on a fresh page; on failure it keeps a screenshot of what the browser showed.</summary>
public abstract class BrowserTest(StudioBrowserFixture studio)
{
    protected StudioBrowserFixture Studio { get; } = studio;

    protected async Task WithPageAsync(string testName, Func<StudioPage, Task> body)
    {
        var page = await Studio.NewPageAsync();
        try
        {
            await body(new StudioPage(page));
        }
        catch
        {
            await TryScreenshotAsync(page, $"failed-{testName}");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task TryScreenshotAsync(IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(E2ESettings.ArtifactsDirectory, $"{name}.png"),
                FullPage = true,
                Timeout = 5_000,
            });
        }
        catch (PlaywrightException)
        {
            // The original failure matters more than a missing screenshot of it.
        }
    }
}
