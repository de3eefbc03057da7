using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PipelineStudio.E2E.Infrastructure;

/// <summary>
/// One studio server and one headless chromium shared by the E2E tests. Each test opens its own
/// browser context, so cookies and circuits never leak between tests.
/// </summary>
public sealed class StudioBrowserFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("pipelinestudio-e2e-").FullName;
    private StudioServerFactory? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running.");

    /// <summary>The studio's services, to record state (e.g. lineage) that no REST call creates directly.</summary>
    public IServiceProvider Services => _server?.Services ?? throw new InvalidOperationException("The studio server is not running.");

    public async Task InitializeAsync()
    {
        var chromium = E2ESettings.ChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it with 'apt-get install -y chromium' "
                + "(.ci/run does) or point CHROMIUM_PATH at a chromium binary.");
        }

        _server = new StudioServerFactory(_dataDirectory);
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = ServerAddress(_server);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = E2ESettings.ChromiumArgs,
            Timeout = E2ESettings.TimeoutMs,
        });
        Directory.CreateDirectory(E2ESettings.ArtifactsDirectory);
    }

    /// <summary>A fresh page in its own context, with every wait bounded by <see cref="E2ESettings.TimeoutMs"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(E2ESettings.TimeoutMs);
        context.SetDefaultNavigationTimeout(E2ESettings.TimeoutMs);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        // Pooled connections keep studio.db open; release them so the folder can be deleted.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would hide the real results.
        }
    }

    // Kestrel reports the bound address as localhost or [::1] depending on the machine; chromium and
    // the server agree on IPv4 loopback everywhere.
    private static string ServerAddress(StudioServerFactory server)
    {
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The studio server started without a listening address.");
        var uri = new Uri(address);
        return $"http://127.0.0.1:{uri.Port}";
    }
}

[CollectionDefinition(Name)]
public sealed class StudioBrowserCollection : ICollectionFixture<StudioBrowserFixture>
{
    public const string Name = "studio browser";
}
