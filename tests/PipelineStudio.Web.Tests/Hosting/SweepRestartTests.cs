using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>A sweep is stored in the studio's SQLite file: stopping the studio mid-sweep and starting it again carries it on.</summary>
public sealed class SweepRestartTests : IDisposable
{
    private readonly string _dataDirectory = StudioAppFactory.CreateTempDirectory();

    [Fact]
    public async Task Restart_MidSweep_ResumesTheSweepAndFinishesEveryMember()
    {
        var gate = Path.Combine(_dataDirectory, "open");
        string sweepId;
        using (var first = new StudioAppFactory { DataDirectory = _dataDirectory, DeleteDataOnDispose = false })
        {
            using var client = first.CreateClient();
            using var body = new StringContent(GatedDefinition(gate), Encoding.UTF8, "application/json");
            Assert.True((await client.PostAsync("/api/v1/pipelines?name=gated", body)).IsSuccessStatusCode);
            var runner = first.Services.GetRequiredService<SweepRunner>();
            var members = Enumerable.Range(1, 3).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Index"] = $"{i}" }).ToList();
            var spec = new SweepSpec(SweepMode.Grid, [new SweepAxis("Index", ["1", "2", "3"])], new Dictionary<string, string>());
            sweepId = (await runner.StartAsync(new SweepLaunch("gated", 1, spec, members, 1, FailFast: false, "tester"))).Id;

            var store = first.Services.GetRequiredService<ISweepStore>();
            await Eventually.TrueAsync(async () => (await store.ListMembersAsync(sweepId))[0].State == SweepMemberState.Running, "the first member to start");
        }

        // The steps wait for this file: only the restarted studio can finish them.
        await File.WriteAllTextAsync(gate, "go");
        using var second = new StudioAppFactory { DataDirectory = _dataDirectory, DeleteDataOnDispose = false };
        _ = second.Services;
        var restartedStore = second.Services.GetRequiredService<ISweepStore>();
        await Eventually.TrueAsync(async () => (await restartedStore.GetAsync(sweepId))!.Status != SweepStatus.Running, "the resumed sweep to end");

        Assert.Equal(SweepStatus.Completed, (await restartedStore.GetAsync(sweepId))!.Status);
        var finished = await restartedStore.ListMembersAsync(sweepId);
        Assert.All(finished, m => Assert.Equal(SweepMemberState.Succeeded, m.State));
        Assert.Equal(3, finished.Select(m => m.ExecutionId).Distinct().Count());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    // The test host may dispose the studio's services before its engine parks the running step (a real SIGTERM parks it,
    // see GracefulShutdownTests), so the interrupted attempt can look like a crash: the retry policy covers both.
    private static string GatedDefinition(string gate) => $$$"""
        {"Version":"2020-12-01","Metadata":{},"Parameters":[{"Name":"Index","Type":"Integer","DefaultValue":1}],
         "Steps":[{"Name":"Wait","Type":"Processing",
            "RetryPolicies":[{"ExceptionType":["SageMaker.JOB_INTERNAL_ERROR"],"IntervalSeconds":1,"BackoffRate":1.0,"MaxAttempts":2}],
            "Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
              "while [ ! -f '{{{gate}}}' ]; do sleep 0.1; done; echo done"]},
            "Environment":{"INDEX":{"Get":"Parameters.Index"}},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}}]}
        """;
}
