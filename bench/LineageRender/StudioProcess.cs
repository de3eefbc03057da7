using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A published studio (Release) started as its own process on a free port with a given data folder, the way a user
/// runs it (<c>dotnet PipelineStudio.Web.dll</c>); disposed, it is killed by its id.
/// </summary>
internal sealed class StudioProcess : IDisposable
{
    private readonly Process _process;

    private StudioProcess(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>CPU the studio used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<StudioProcess> StartAsync(string publishedFolder, string dataDirectory)
    {
        var dll = Path.Combine(publishedFolder, "PipelineStudio.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No published studio at {publishedFolder}.", dll);
        }

        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = publishedFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Studio__DataDirectory"] = dataDirectory;
        start.Environment["Studio__SeedSamples"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var studio = new StudioProcess(process, baseUrl);
        try
        {
            await studio.WaitUntilServingAsync();
        }
        catch
        {
            studio.Dispose();
            throw;
        }

        return studio;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The studio exited with code {_process.ExitCode} before serving.");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up under load.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The studio did not answer on {BaseUrl} within a minute.");
            }

            await Task.Delay(200);
        }
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  studio: " + line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
