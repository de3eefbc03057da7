using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PageResponse;

/// <summary>
/// The studio as users run it: the built PipelineStudio.Web.dll (same configuration as this benchmark) in its own
/// process, on its own port, with a fresh data folder. Also reads its memory and counts its Blazor circuits from its log.
/// </summary>
public sealed class StudioServer : IAsyncDisposable
{
    private const string CircuitsCategory = "Microsoft.AspNetCore.Components.Server.Circuits";
    private readonly ProcessStartInfo _start;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _log = new();
    private Process _process = null!;
    private int _circuitsOpened;
    private int _circuitsDisposed;

    private StudioServer(ProcessStartInfo start, string dataDirectory, Uri address)
    {
        _start = start;
        _dataDirectory = dataDirectory;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public int CircuitsOpened => Volatile.Read(ref _circuitsOpened);

    public int CircuitsDisposed => Volatile.Read(ref _circuitsDisposed);

    /// <summary>Circuits the studio still holds: opened and not yet disposed (a closed tab's circuit stays until it is).</summary>
    public int CircuitsAlive => CircuitsOpened - CircuitsDisposed;

    public static async Task<StudioServer> StartAsync(int maxParallelSteps)
    {
        var repo = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var web = Path.Combine(repo, "src", "PipelineStudio.Web", "bin", configuration, "net10.0", "PipelineStudio.Web.dll");
        if (!File.Exists(web))
        {
            throw new InvalidOperationException($"{web} is missing: build with 'dotnet build -c {configuration} bench/PageResponse'.");
        }

        var data = Directory.CreateTempSubdirectory("pipelinestudio-page-response-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = repo,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["Studio__DataDirectory"] = data;
        start.Environment["Studio__SeedSamples"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        // The default global cap (2 per core) would bind before the sweep's; the sweep's cap is the one under test.
        start.Environment["Engine__MaxParallelSteps"] = maxParallelSteps.ToString(CultureInfo.InvariantCulture);

        // Circuit open and dispose lines (Debug) tell how many circuits the studio holds; per-render lines stay off.
        start.Environment[$"Logging__LogLevel__{CircuitsCategory}"] = "Debug";
        start.Environment[$"Logging__LogLevel__{CircuitsCategory}.RemoteRenderer"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var server = new StudioServer(start, data, address);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>
    /// Stops the studio as a service manager would (SIGTERM) and starts it again on the same data and port: a fresh
    /// process, so memory figures do not carry the high-water mark of what ran before.
    /// </summary>
    public async Task RestartAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        Interlocked.Exchange(ref _circuitsOpened, 0);
        Interlocked.Exchange(ref _circuitsDisposed, 0);
        await LaunchAsync();
    }

    /// <summary>Resident memory of the studio process from /proc: (VmRSS, RssAnon) in MB.</summary>
    public (double Rss, double Anonymous) Memory()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        return (Kilobytes(status, "VmRSS:") / 1024.0, Kilobytes(status, "RssAnon:") / 1024.0);
    }

    /// <summary>Two induced full GCs a moment apart (finalizers of the first free more in the second), then memory.</summary>
    public async Task<(double Rss, double Anonymous)> MemoryAfterGcAsync()
    {
        await RuntimeGc.CollectAsync(Pid);
        await Task.Delay(1000);
        await RuntimeGc.CollectAsync(Pid);
        await Task.Delay(1000);
        return Memory();
    }

    public async Task SavePipelineAsync(string name, string definitionJson)
    {
        using var content = new StringContent(definitionJson, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"/api/v1/pipelines?name={Uri.EscapeDataString(name)}", content);
        await EnsureAsync(response, HttpStatusCode.Created, "saving the pipeline");
    }

    /// <summary>Starts a sweep of Index = 1..count at the given concurrency; returns its id.</summary>
    public async Task<string> StartSweepAsync(string pipeline, int count, int concurrency, IReadOnlyDictionary<string, string> fixedValues)
    {
        var body = new
        {
            axes = new[] { new { parameter = "Index", range = new { start = 1, stop = count, step = 1 } } },
            mode = "Grid",
            @fixed = fixedValues,
            concurrency,
            failFast = false,
            displayName = $"bench sweep {DateTime.UtcNow:HHmmss}",
        };
        using var response = await Http.PostAsJsonAsync($"/api/v1/pipelines/{Uri.EscapeDataString(pipeline)}/sweeps", body);
        await EnsureAsync(response, HttpStatusCode.Created, "starting the sweep");
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        return started.GetProperty("id").GetString()!;
    }

    public async Task<SweepState> GetSweepAsync(string id)
    {
        var sweep = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/sweeps/{Uri.EscapeDataString(id)}");
        var summary = sweep.GetProperty("sweep");
        var members = sweep.GetProperty("members").EnumerateArray()
            .Select(m => (State: m.GetProperty("state").GetString()!, ExecutionId: m.GetProperty("executionId").GetString()))
            .ToList();
        return new SweepState(
            summary.GetProperty("status").GetString()!,
            summary.GetProperty("finished").GetInt32(),
            summary.GetProperty("total").GetInt32(),
            members.Where(m => m.State == "Running" && m.ExecutionId is not null).Select(m => m.ExecutionId!).ToList(),
            members.Where(m => m.State is "Succeeded" or "Failed" or "Stopped" && m.ExecutionId is not null).Select(m => m.ExecutionId!).ToList(),
            members.Count(m => m.State == "Succeeded"),
            summary.GetProperty("endedAt").ValueKind == JsonValueKind.Null
                ? null
                : summary.GetProperty("endedAt").GetDateTimeOffset() - summary.GetProperty("createdAt").GetDateTimeOffset());
    }

    /// <summary>The newest execution's id.</summary>
    public async Task<string> NewestExecutionAsync()
    {
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/v1/executions?limit=1");
        return list.EnumerateArray().Select(e => e.GetProperty("id").GetString()).FirstOrDefault()
            ?? throw new InvalidOperationException("The studio has no execution yet.");
    }

    /// <summary>Polls the sweep until every member has finished; returns the last state seen.</summary>
    public async Task<SweepState> WaitForSweepAsync(string id, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var state = await GetSweepAsync(id);
            if (state.IsFinished)
            {
                return state;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Sweep {id} had {state.Finished}/{state.Total} finished after {timeout}.");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Waits until the studio holds at most <paramref name="expected"/> circuits; returns how long that took, or null on timeout.</summary>
    public async Task<TimeSpan?> WaitForCircuitsAliveAsync(int expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (CircuitsAlive > expected && clock.Elapsed < timeout)
        {
            await Task.Delay(200);
        }

        return CircuitsAlive <= expected ? clock.Elapsed : null;
    }

    /// <summary>The last lines the studio wrote, for a failure message.</summary>
    public string LogTail(int lines) => string.Join(Environment.NewLine, _log.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; it must not hide the figures.
        }
    }

    private void OnLogLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 2000)
        {
            _log.TryDequeue(out _);
        }

        // CircuitHost's own debug lines: one when a circuit is opened, one when its disposal has finished.
        if (line.Contains("Opening circuit with id", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _circuitsOpened);
        }
        else if (line.Contains("Disposing circuit", StringComparison.Ordinal) && line.Contains("succeeded", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _circuitsDisposed);
        }
    }

    private async Task LaunchAsync()
    {
        _process = Process.Start(_start) ?? throw new InvalidOperationException("The studio did not start.");
        _process.OutputDataReceived += (_, e) => OnLogLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLogLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The studio exited with code {_process.ExitCode}:{Environment.NewLine}{LogTail(40)}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/v1/pipelines");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The studio did not answer within 2 minutes:{Environment.NewLine}{LogTail(40)}");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"The studio answered {(int)response.StatusCode} {what}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static long Kilobytes(string[] status, string key) =>
        status.Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => long.Parse(l[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PipelineStudio.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PipelineStudio.sln above {AppContext.BaseDirectory}.");
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

/// <summary>A sweep as the REST API reports it: its status, progress, and the executions running and finished.</summary>
public sealed record SweepState(
    string Status, int Finished, int Total, IReadOnlyList<string> Running, IReadOnlyList<string> Done, int Succeeded, TimeSpan? Duration)
{
    public bool IsFinished => Finished >= Total;
}
