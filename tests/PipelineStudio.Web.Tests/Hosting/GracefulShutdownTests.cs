using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>
/// Stopping the studio (SIGTERM) while a step runs: the step's process is killed with it, not left behind, and the
/// next start runs the step again without counting the interruption as a failure (the step has no retry policy).
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _dataDirectory = StudioAppFactory.CreateTempDirectory();

    [Fact]
    public async Task Sigterm_DuringStep_KillsTheStepProcess_AndTheNextStartRunsTheStepAgain()
    {
        var pidFile = Path.Combine(_dataDirectory, "step.pid");
        string id;
        using (var first = StudioProcess.Start(_dataDirectory))
        {
            using var client = await first.ConnectAsync();
            using var body = new StringContent(SleepOnceDefinition(pidFile), Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/pipelines?name=shutdown", body)).StatusCode);
            var started = await client.PostAsJsonAsync("/api/v1/pipelines/shutdown/executions", new { });
            id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await Eventually.TrueAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, "the step to start");

            await first.TerminateAsync();
        }

        var stepPid = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{stepPid}"), $"The step's process {stepPid} outlived the studio.");

        using var second = StudioProcess.Start(_dataDirectory);
        using var restarted = await second.ConnectAsync();
        JsonElement execution = default;
        await Eventually.TrueAsync(
            async () =>
            {
                execution = await restarted.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}");
                return execution.GetProperty("status").GetString() != "Executing";
            },
            "the resumed execution to finish");

        Assert.Equal("Succeeded", execution.GetProperty("status").GetString());
        Assert.Equal(2, execution.GetProperty("steps")[0].GetProperty("attempts").GetInt32());
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

    // The first attempt records its shell's pid and sleeps (exec, so the pid is the sleeping process); the rerun sees the file and ends.
    private static string SleepOnceDefinition(string pidFile) => $$$"""
        {"Version":"2020-12-01","Metadata":{},"Parameters":[],
         "Steps":[{"Name":"Sleepy","Type":"Processing",
           "Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
              "if [ -f '{{{pidFile}}}' ]; then echo second attempt; else echo $$ > '{{{pidFile}}}'; exec sleep 60; fi"]},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}}]}
        """;
}
