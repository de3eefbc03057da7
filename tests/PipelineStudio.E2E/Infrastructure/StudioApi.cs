using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PipelineStudio.E2E.Infrastructure;

/// <summary>The REST calls E2E tests use to set up and to check what the browser did.</summary>
public sealed class StudioApi(HttpClient client)
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Saves a definition as a new pipeline version, failing the test when the studio refuses it.</summary>
    public async Task ImportAsync(string name, string definitionJson)
    {
        using var content = new StringContent(definitionJson, Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/v1/pipelines?name={Uri.EscapeDataString(name)}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The stored definition text of a pipeline's latest version.</summary>
    public async Task<string> GetDefinitionAsync(string name) =>
        await client.GetStringAsync($"/api/v1/pipelines/{Uri.EscapeDataString(name)}/definition");

    /// <summary>Starts an execution with default parameters and returns its id.</summary>
    public async Task<string> StartExecutionAsync(string name)
    {
        using var content = new StringContent("{\"parameters\": {}}", Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/v1/pipelines/{Uri.EscapeDataString(name)}/executions", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetExecutionAsync(string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{Uri.EscapeDataString(id)}");

    public async Task<JsonElement[]> ListExecutionsAsync(string pipeline) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/executions?pipeline={Uri.EscapeDataString(pipeline)}&limit=1000"))!;

    /// <summary>Polls until the execution is Succeeded, Failed or Stopped and returns it.</summary>
    public async Task<JsonElement> WaitForEndAsync(string id)
    {
        var deadline = DateTime.UtcNow + PollTimeout;
        while (true)
        {
            var execution = await GetExecutionAsync(id);
            if (Status(execution) is "Succeeded" or "Failed" or "Stopped")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not end in time: {execution}");
            await Task.Delay(250);
        }
    }

    public static string? Status(JsonElement execution) => execution.GetProperty("status").GetString();

    public static string? Parameter(JsonElement execution, string name) => execution.GetProperty("parameters").GetProperty(name).GetString();
}
