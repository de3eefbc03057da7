using System.Diagnostics;
using Microsoft.Playwright;

namespace PageResponse;

/// <summary>
/// Headless chromium (Debian's /usr/bin/chromium, as the E2E tests use) on the studio: how long a page takes from
/// navigation to live (circuit connected and the data rendered by it), and pages held open for the memory figures.
/// </summary>
public sealed class BrowserProbe : IAsyncDisposable
{
    /// <summary>The executions list is live: the circuit's own render of the rows (the prerender's are not interactive).</summary>
    public const string ListReady = "#studio-root[data-interactive=true] #executions-table .execution-row";

    /// <summary>An execution page is live: the graph (drawn only by the circuit) and the timeline's step rows.</summary>
    public static readonly string[] ExecutionReady =
    [
        "#studio-root[data-interactive=true] .step-node",
        "#studio-root[data-interactive=true] #execution-timeline [data-step]",
    ];

    private const float TimeoutMs = 60_000;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly string _baseUrl;

    private BrowserProbe(IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _baseUrl = baseUrl;
    }

    public static async Task<BrowserProbe> StartAsync(Uri address)
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium was not found at {chromium}; install it or set CHROMIUM_PATH.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",

                // Many open tabs in one browser: none of them may be throttled as a background tab.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
            Timeout = TimeoutMs,
        });
        return new BrowserProbe(playwright, browser, address.ToString().TrimEnd('/'));
    }

    /// <summary>A context with a warm cache after its first page, as a user who has the studio open already.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _baseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    /// <summary>Opens <paramref name="path"/> in a new page and waits until every selector is there; returns the page and the time it took.</summary>
    public static async Task<(IPage Page, double Milliseconds)> OpenLiveAsync(IBrowserContext context, string path, params string[] ready)
    {
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        foreach (var selector in ready)
        {
            await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }

        return (page, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Closes a page as a person closing the tab does: the page's unload handlers run (Blazor says goodbye to its circuit).</summary>
    public static async Task CloseAsync(IPage page)
    {
        var closed = new TaskCompletionSource();
        page.Close += (_, _) => closed.TrySetResult();

        // With RunBeforeUnload the call returns before the page is gone; the Close event says when it is.
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
