using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>The built studio (PipelineStudio.Web.dll next to the tests) as a child process on a free port.</summary>
internal sealed class StudioProcess : IDisposable
{
    private readonly Process _process;
    private readonly Uri _address;

    private StudioProcess(Process process, Uri address)
    {
        _process = process;
        _address = address;
    }

    public static StudioProcess Start(string dataDirectory)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PipelineStudio.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["Studio__DataDirectory"] = dataDirectory;
        start.Environment["Studio__SeedSamples"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The studio did not start.");

        // Drain the output so a full pipe never blocks the studio.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StudioProcess(process, address);
    }

    public async Task<HttpClient> ConnectAsync()
    {
        var client = new HttpClient { BaseAddress = _address };
        await Eventually.TrueAsync(
            async () =>
            {
                Assert.False(_process.HasExited, $"The studio exited with code {(_process.HasExited ? _process.ExitCode : 0)}.");
                try
                {
                    return (await client.GetAsync("/api/v1/pipelines")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the studio to listen");
        return client;
    }

    /// <summary>SIGTERM, as a service manager or Ctrl+C would stop it; waits until it has exited.</summary>
    public async Task TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
