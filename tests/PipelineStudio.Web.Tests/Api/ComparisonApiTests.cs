using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class ComparisonApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Compare_TwoRealRuns_RowsPerParameterAndStepWithOneValuePerExecution()
    {
        await SavePipelineAsync("api-compare", RunnableDefinitions.WriteThenCheck);
        var first = await RunAsync("api-compare", "1");
        var second = await RunAsync("api-compare", "2");

        var response = await _client.GetAsync($"/api/v1/executions/compare?ids={first},{second}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([first, second], body.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("api-compare", body.GetProperty("executions")[0].GetProperty("pipelineName").GetString());
        var parameters = body.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.True(parameters["Count"].GetProperty("differs").GetBoolean());
        Assert.Equal(["1", "2"], parameters["Count"].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(parameters["Mode"].GetProperty("differs").GetBoolean());
        var steps = body.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["Succeeded", "Succeeded"], steps["Write"].GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.All(steps["Write"].GetProperty("cells").EnumerateArray(), c => Assert.True(c.GetProperty("durationSeconds").GetDouble() >= 0));
        Assert.Equal(["NotExecuted", "NotExecuted"], steps["Stop"].GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.Empty(body.GetProperty("metrics").EnumerateArray());
    }

    [Theory]
    [InlineData("", "Missing query parameter", "'ids' is required")]
    [InlineData("?ids=", "Missing query parameter", "'ids' is required")]
    [InlineData("?ids=only-one", "Invalid query parameter", "names 1 execution; a comparison takes 2 to 10")]
    [InlineData("?ids=a,b,c,d,e,f,g,h,i,j,k", "Invalid query parameter", "names 11 executions")]
    public async Task Compare_WrongNumberOfIds_IsABadRequestSayingHowMany(string query, string title, string detail)
    {
        var response = await _client.GetAsync("/api/v1/executions/compare" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnknownIds_NotFoundNamingEachOfThem()
    {
        await SavePipelineAsync("api-compare-missing", RunnableDefinitions.WriteThenCheck);
        var known = await RunAsync("api-compare-missing", "1");

        var response = await _client.GetAsync($"/api/v1/executions/compare?ids={known},nope,gone");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("There is no execution 'nope', 'gone'.", problem.GetProperty("detail").GetString());
        Assert.Equal(["nope", "gone"], problem.GetProperty("unknownIds").EnumerateArray().Select(v => v.GetString()));
    }

    private async Task SavePipelineAsync(string name, string definition)
    {
        using var content = new StringContent(definition, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync($"/api/v1/pipelines?name={name}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> RunAsync(string pipeline, string count)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/pipelines/{pipeline}/executions", new { parameters = new Dictionary<string, string> { ["Count"] = count } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow + FinishTimeout;
        while ((await _client.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{id}")).GetProperty("status").GetString() is not ("Succeeded" or "Failed" or "Stopped"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not finish in time.");
            await Task.Delay(100);
        }

        return id;
    }
}
