using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class SweepsApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Start_GridOverARange_RunsEveryCombinationAndListsIt()
    {
        await SavePipelineAsync("sweep-api", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync("/api/v1/pipelines/sweep-api/sweeps", new
        {
            axes = new object[] { new { parameter = "Count", range = new { start = 1, stop = 3, step = 1 } } },
            concurrency = 2,
            displayName = "counts",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, started.GetProperty("executions").GetInt32());
        var id = started.GetProperty("id").GetString()!;
        JsonElement sweep = default;
        await Eventually.TrueAsync(
            async () =>
            {
                sweep = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/sweeps/{id}");
                return sweep.GetProperty("sweep").GetProperty("status").GetString() != "Running";
            },
            "the sweep to end");
        Assert.Equal("Completed", sweep.GetProperty("sweep").GetProperty("status").GetString());
        var members = sweep.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], members.Select(m => m.GetProperty("parameters").GetProperty("Count").GetString()));
        Assert.All(members, m => Assert.Equal("Succeeded", m.GetProperty("state").GetString()));
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/v1/sweeps?pipeline=sweep-api");
        Assert.Equal([id], listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(3, listed[0].GetProperty("finished").GetInt32());
    }

    [Fact]
    public async Task Start_ZipOfUnequalLists_IsRefusedNamingTheLengths()
    {
        await SavePipelineAsync("sweep-api-zip", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync("/api/v1/pipelines/sweep-api-zip/sweeps", new
        {
            mode = "zip",
            axes = new object[] { new { parameter = "Count", values = new[] { "1", "2" } }, new { parameter = "Mode", values = new[] { "ok" } } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Count has 2, Mode has 1", problem.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ValueOfTheWrongType_IsRefusedNamingTheExecution()
    {
        await SavePipelineAsync("sweep-api-bad", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync("/api/v1/pipelines/sweep-api-bad/sweeps", new
        {
            axes = new object[] { new { parameter = "Count", values = new[] { "1", "many" } } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Execution #2: Parameter 'Count' is Integer; 'many' is not an integer.", problem.GetProperty("problems")[0].GetString());
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/v1/sweeps?pipeline=sweep-api-bad");
        Assert.Empty(listed.EnumerateArray());
    }

    [Theory]
    [InlineData("POST", "/api/v1/pipelines/no-such-pipeline/sweeps")]
    [InlineData("GET", "/api/v1/sweeps/nope")]
    [InlineData("POST", "/api/v1/sweeps/nope/stop")]
    public async Task Unknown_PipelineOrSweep_Is404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { axes = new object[] { new { parameter = "X", values = new[] { "1" } } } });
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Start_UnknownMode_IsABadRequest()
    {
        await SavePipelineAsync("sweep-api-mode", RunnableDefinitions.WriteThenCheck);

        var response = await _client.PostAsJsonAsync("/api/v1/pipelines/sweep-api-mode/sweeps", new
        {
            mode = "diagonal",
            axes = new object[] { new { parameter = "Count", values = new[] { "1" } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'diagonal' is not a sweep mode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task SavePipelineAsync(string name, string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync($"/api/v1/pipelines?name={name}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
