using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>
/// The durable-runs promise end to end: the studio is a real process, SIGKILLed while a step runs, and started
/// again on the same data directory; the interrupted step is retried by its policy and the execution finishes.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
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
            await Eventually.TrueAsync(() => File.Exists(marker), "the first attempt to start");
            first.Kill();
        }

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
}
