using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>
/// The durable-runs promise end to end: the studio is a real process, SIGKILLed while a step runs, and started
/// again on the same data directory; the interrupted step is retried by its policy and the execution finishes.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dataDirectory = StudioAppFactory.CreateTempDirectory();

    [Fact]
    public async Task Sigkill_DuringStep_RestartRetriesInterruptedStepAndSucceeds()
    {
        var marker = Path.Combine(_dataDirectory, "first-attempt-started");
        var definition = SleepOnceDefinition(marker);
        string id;
        using (var first = StudioProcess.Start(_dataDirectory))
        {
            using var client = await first.ConnectAsync();
            using var body = new StringContent(definition, Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/pipelines?name=crash", body)).StatusCode);
            var started = await client.PostAsJsonAsync("/api/v1/pipelines/crash/executions", new { });
            id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await WaitUntilAsync(() => File.Exists(marker), "the first attempt to start");
            first.Kill();
        }

        using var second = StudioProcess.Start(_dataDirectory);
        using var restarted = await second.ConnectAsync();
        JsonElement execution = default;
        await WaitUntilAsync(
            async () =>
            {
                execution = await restarted.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}");
                return execution.GetProperty("status").GetString() != "Executing";
            },
            "the resumed execution to finish");

        Assert.Equal("Succeeded", execution.GetProperty("status").GetString());
        var step = execution.GetProperty("steps")[0];
        Assert.Equal(2, step.GetProperty("attempts").GetInt32());
        var firstLog = await restarted.GetStringAsync($"/api/v1/executions/{id}/steps/Sleepy/logs?attempt=1");
        Assert.Contains("sleeping", firstLog, StringComparison.Ordinal);
        var secondLog = await restarted.GetStringAsync($"/api/v1/executions/{id}/steps/Sleepy/logs?attempt=2");
        Assert.Contains("second attempt", secondLog, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    // The first attempt leaves a marker and sleeps until it is killed; the retry sees the marker and ends at once.
    private static string SleepOnceDefinition(string marker) => $$$"""
        {"Version":"2020-12-01","Metadata":{},"Parameters":[],
         "Steps":[{"Name":"Sleepy","Type":"Processing",
           "RetryPolicies":[{"ExceptionType":["SageMaker.JOB_INTERNAL_ERROR"],"IntervalSeconds":1,"BackoffRate":1.0,"MaxAttempts":2}],
           "Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
              "if [ -f '{{{marker}}}' ]; then echo second attempt; else echo sleeping; touch '{{{marker}}}'; sleep 20; fi"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}}]}
        """;

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The built studio (PipelineStudio.Web.dll next to the tests) as a child process on a free port.</summary>
    private sealed class StudioProcess : IDisposable
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
            await WaitUntilAsync(
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
}
