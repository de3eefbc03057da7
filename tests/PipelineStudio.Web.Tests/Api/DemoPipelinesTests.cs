using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

/// <summary>The seeded demo pipelines, run end to end through the REST API by the local engine (real processes).</summary>
public sealed class DemoPipelinesTests(DemoPipelinesTests.SeededStudio factory) : IClassFixture<DemoPipelinesTests.SeededStudio>
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(3);
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ChurnPrediction_DefaultParameters_SucceedsAndRegistersTheModel()
    {
        var id = await StartAsync("churn-prediction");

        var execution = await PollAsync(id, Finished);

        Assert.Equal("Succeeded", Status(execution));
        Assert.Equal("Succeeded", StepStatus(execution, "TuneChurnModel"));
        Assert.Equal("Succeeded", StepStatus(execution, "RegisterChurnModel-RegisterModel"));
        Assert.Equal("NotExecuted", StepStatus(execution, "ChurnAucTooLow"));
    }

    [Fact]
    public async Task CallbackApproval_ApprovedThroughTheCallbackEndpoint_PublishesTheReport()
    {
        var id = await StartAsync("callback-approval");
        var waiting = await PollAsync(id, e => Token(e) is not null || Finished(e));
        Assert.NotNull(Token(waiting));

        var response = await _client.PostAsJsonAsync($"/api/v1/callbacks/{Token(waiting)}/success",
            new { outputParameters = new Dictionary<string, string> { ["approved"] = "true", ["reviewer"] = "ana" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var execution = await PollAsync(id, Finished);
        Assert.Equal("Succeeded", Status(execution));
        Assert.Equal("Succeeded", StepStatus(execution, "PublishReport"));
        Assert.Equal("NotExecuted", StepStatus(execution, "ReportRejected"));
        var log = await _client.GetStringAsync($"/api/v1/executions/{id}/steps/PublishReport/logs");
        Assert.Contains("Uploaded output 'report'", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChurnPrediction_RunTwiceWithDifferentThresholds_ModelLineageReachesTheSharedDatasetAndScripts()
    {
        var first = await StartAsync("churn-prediction", new() { ["AucThreshold"] = "0.55" });
        var second = await StartAsync("churn-prediction", new() { ["AucThreshold"] = "0.6" });
        Assert.Equal("Succeeded", Status(await PollAsync(first, Finished)));
        Assert.Equal("Succeeded", Status(await PollAsync(second, Finished)));

        // The registered model of the second run, found by its package ARN, as a user would search for it.
        var packages = await _client.GetFromJsonAsync<JsonElement>("/api/v1/model-packages");
        var arn = packages.EnumerateArray().First(p => p.GetProperty("executionId").GetString() == second).GetProperty("arn").GetString()!;
        var package = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/lineage?search={Uri.EscapeDataString(arn)}"))[0];
        var upstream = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/{package.GetProperty("id").GetString()}?direction=upstream&depth=10");

        var nodes = upstream.GetProperty("nodes").EnumerateArray().ToList();
        Assert.True(nodes.Count > 5, upstream.ToString());
        var generated = nodes.Single(n => n.GetProperty("type").GetString() == "DataSet" && n.GetProperty("stepName").GetString() == "GenerateCustomers");
        Assert.Contains(nodes, n => n.GetProperty("type").GetString() == "Code" && n.GetProperty("name").GetString() == "generate.py");
        Assert.Contains(nodes, n => n.GetProperty("type").GetString() == "Model");
        Assert.NotEmpty(upstream.GetProperty("edges").EnumerateArray());

        // Same seed, same bytes: the generated dataset is one entity that both executions' preprocessing read.
        var downstream = await _client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/lineage/{generated.GetProperty("id").GetString()}?direction=downstream&depth=1");
        var readers = downstream.GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "Action").Select(n => n.GetProperty("executionId").GetString()).ToList();
        Assert.Contains(first, readers);
        Assert.Contains(second, readers);
    }

    private static bool Finished(JsonElement execution) => Status(execution) is "Succeeded" or "Failed" or "Stopped";

    private static string? Status(JsonElement execution) => execution.GetProperty("status").GetString();

    private static string? StepStatus(JsonElement execution, string step) =>
        execution.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == step).GetProperty("status").GetString();

    private static string? Token(JsonElement execution) =>
        execution.GetProperty("steps").EnumerateArray()
            .Where(s => s.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("Callback", out _))
            .Select(s => s.GetProperty("metadata").GetProperty("Callback").GetProperty("CallbackToken").GetString())
            .FirstOrDefault();

    private async Task<string> StartAsync(string pipeline, Dictionary<string, string>? parameters = null)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/pipelines/{pipeline}/executions", new { parameters = parameters ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> PollAsync(string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + FinishTimeout;
        while (true)
        {
            var execution = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}");
            if (done(execution))
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not get there in time: {execution}");
            await Task.Delay(200);
        }
    }

    /// <summary>A studio with the demo pipelines seeded; the Lambda stand-in named by absolute path, whatever the working directory.</summary>
    public sealed class SeededStudio : StudioAppFactory
    {
        public SeededStudio() => SeedSamples = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var lambda = Path.Combine(AppContext.BaseDirectory, "samples", "callback-approval", "lambda", "open_review_ticket.py");
            builder.UseSetting("Engine:Lambda:pipelinestudio-open-review-ticket:Command", $"python3 \"{lambda}\"");
        }
    }
}
