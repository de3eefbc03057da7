using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class ExecutionsApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Start_RunnablePipeline_SucceedsWithStepsAndLogs()
    {
        await SavePipelineAsync("api-run-ok", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync("/api/v1/pipelines/api-run-ok/executions", new { displayName = "first" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/executions/{id}", response.Headers.Location?.OriginalString);
        var execution = await WaitUntilFinishedAsync(id);
        Assert.Equal("Succeeded", execution.GetProperty("status").GetString());
        Assert.Equal("first", execution.GetProperty("displayName").GetString());
        Assert.Equal("ok", execution.GetProperty("parameters").GetProperty("Mode").GetString());
        var steps = execution.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal("Succeeded", steps["Write"].GetProperty("status").GetString());
        Assert.Equal(1, steps["Write"].GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Object, steps["Write"].GetProperty("properties").ValueKind);
        Assert.Equal("Succeeded", steps["Check"].GetProperty("status").GetString());
        Assert.Equal("NotExecuted", steps["Stop"].GetProperty("status").GetString());

        var log = await _client.GetAsync($"/api/v1/executions/{id}/steps/Write/logs");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Equal("text/plain", log.Content.Headers.ContentType?.MediaType);
        Assert.Contains("wrote-the-file", await log.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The Condition ran and wrote nothing of its own: no log file, an empty log. The skipped step never ran: no log.
        var conditionLog = await _client.GetAsync($"/api/v1/executions/{id}/steps/Check/logs");
        Assert.Equal(HttpStatusCode.OK, conditionLog.StatusCode);
        Assert.Equal(string.Empty, await conditionLog.Content.ReadAsStringAsync());
        var skippedLog = await _client.GetAsync($"/api/v1/executions/{id}/steps/Stop/logs");
        Assert.Equal(HttpStatusCode.NotFound, skippedLog.StatusCode);
    }

    [Fact]
    public async Task Start_ParameterTakesElseBranch_FailsWithTheFailMessage()
    {
        await SavePipelineAsync("api-run-fail", RunnableDefinitions.WriteThenCheck);

        var id = await StartAsync("api-run-fail", new Dictionary<string, string> { ["Mode"] = "broken" });

        var execution = await WaitUntilFinishedAsync(id);
        Assert.Equal("Failed", execution.GetProperty("status").GetString());
        Assert.Contains("Mode is not ok", execution.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/v1/executions?pipeline=api-run-fail&status=Failed");
        Assert.Equal([id], listed.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        var none = await _client.GetFromJsonAsync<JsonElement>("/api/v1/executions?pipeline=api-run-fail&status=Succeeded");
        Assert.Empty(none.EnumerateArray());
    }

    [Fact]
    public async Task Start_WithoutBody_RunsWithDefaultParameters()
    {
        await SavePipelineAsync("api-run-nobody", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsync("/api/v1/pipelines/api-run-nobody/executions", content: null);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var execution = await WaitUntilFinishedAsync(id);
        Assert.Equal("1", execution.GetProperty("parameters").GetProperty("Count").GetString());
    }

    [Fact]
    public async Task Start_BadParameterValue_Returns422WithProblems()
    {
        await SavePipelineAsync("api-run-refused", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync(
            "/api/v1/pipelines/api-run-refused/executions", new { parameters = new Dictionary<string, string> { ["Count"] = "ten", ["Nope"] = "1" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("Count", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Nope", StringComparison.Ordinal));
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/v1/executions?pipeline=api-run-refused");
        Assert.Empty(listed.EnumerateArray());
    }

    [Fact]
    public async Task Stop_RunningExecution_EndsStopped()
    {
        await SavePipelineAsync("api-run-stop", RunnableDefinitions.Sleeper);
        var id = await StartAsync("api-run-stop");
        await WaitForStepStatusAsync(id, "Sleep", "Executing");

        var response = await _client.PostAsync($"/api/v1/executions/{id}/stop", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var execution = await WaitUntilFinishedAsync(id);
        Assert.Equal("Stopped", execution.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("success", "Succeeded")]
    [InlineData("failure", "Failed")]
    public async Task Callback_TokenFromStepMetadata_CompletesTheStep(string outcome, string expectedStatus)
    {
        var pipeline = $"api-callback-{outcome}";
        await SavePipelineAsync(pipeline, RunnableDefinitions.Callback);
        var id = await StartAsync(pipeline);
        var waiting = await PollAsync(id, e => CallbackToken(e) is not null);

        var response = await _client.PostAsJsonAsync(
            $"/api/v1/callbacks/{CallbackToken(waiting)}/{outcome}",
            new { outputParameters = new Dictionary<string, string> { ["reviewer"] = "alice" }, failureReason = "rejected by alice" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var execution = await WaitUntilFinishedAsync(id);
        Assert.Equal(expectedStatus, execution.GetProperty("status").GetString());
        var step = execution.GetProperty("steps")[0];
        Assert.Equal(expectedStatus, step.GetProperty("status").GetString());
        var expectedText = outcome == "success" ? "alice" : "rejected by alice";
        Assert.Contains(expectedText, step.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/executions/no-such-id")]
    [InlineData("POST", "/api/v1/executions/no-such-id/stop")]
    [InlineData("POST", "/api/v1/executions/no-such-id/retry")]
    [InlineData("GET", "/api/v1/executions/no-such-id/steps/A/logs")]
    [InlineData("POST", "/api/v1/pipelines/no-such-pipeline/executions")]
    [InlineData("POST", "/api/v1/callbacks/NOTATOKEN1/success")]
    [InlineData("POST", "/api/v1/callbacks/NOTATOKEN1/failure")]
    public async Task Request_UnknownTarget_Returns404Problem(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_UnknownStatus_Returns400Problem()
    {
        var response = await _client.GetAsync("/api/v1/executions?status=Running");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Running", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_SucceededExecution_Returns422()
    {
        await SavePipelineAsync("api-run-retry", RunnableDefinitions.WriteThenCheck);
        var id = await StartAsync("api-run-retry");
        await WaitUntilFinishedAsync(id);

        var response = await _client.PostAsync($"/api/v1/executions/{id}/retry", content: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    private static string? CallbackToken(JsonElement execution) =>
        execution.GetProperty("steps")[0].TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("Callback", out var callback)
        && callback.TryGetProperty("CallbackToken", out var token)
            ? token.GetString()
            : null;

    private async Task SavePipelineAsync(string name, string definition)
    {
        using var content = new StringContent(definition, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync($"/api/v1/pipelines?name={name}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> StartAsync(string pipeline, Dictionary<string, string>? parameters = null)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/pipelines/{pipeline}/executions", new { parameters });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<JsonElement> WaitUntilFinishedAsync(string id) =>
        PollAsync(id, e => e.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Stopped");

    private Task<JsonElement> WaitForStepStatusAsync(string id, string step, string status) =>
        PollAsync(id, e => e.GetProperty("steps").EnumerateArray()
            .Any(s => s.GetProperty("name").GetString() == step && s.GetProperty("status").GetString() == status));

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
            await Task.Delay(100);
        }
    }
}
