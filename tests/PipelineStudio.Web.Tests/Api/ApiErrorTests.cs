using System.Net;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class ApiErrorTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private const string ProblemJson = "application/problem+json";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_MalformedDefinition_Returns422WithIssueCodesAndStoresNothing()
    {
        var response = await PostAsync("broken-one", TestDefinitions.Malformed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("PS001", issue.GetProperty("code").GetString());
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("$", issue.GetProperty("path").GetString());
        Assert.Contains("line 1", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/pipelines/broken-one")).StatusCode);
    }

    [Fact]
    public async Task Post_DependsOnUnknownStep_Returns422WithIssueNamingTheStep()
    {
        var definition = TestDefinitions.Chain("A").Replace("\"Arguments\":{}", "\"Arguments\":{},\"DependsOn\":[\"Ghost\"]", StringComparison.Ordinal);

        var response = await PostAsync("dangling", definition);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var issue = Assert.Single((await ReadJsonAsync(response)).GetProperty("issues").EnumerateArray());
        Assert.Equal("PS016", issue.GetProperty("code").GetString());
        Assert.Equal("A", issue.GetProperty("stepName").GetString());
        Assert.Equal("$.Steps[0].DependsOn[0]", issue.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Post_InvalidPipelineName_Returns422WithNameIssue()
    {
        var response = await PostAsync("under_score", TestDefinitions.Chain("A"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ReadJsonAsync(response);
        var codes = problem.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("code").GetString());
        Assert.Equal(["PS008"], codes);
    }

    [Fact]
    public async Task Post_WithoutName_Returns400Problem()
    {
        var response = await _client.PostAsync("/api/v1/pipelines", Json(TestDefinitions.Chain("A")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'name'", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_StaleExpectedVersion_Returns409Problem()
    {
        await PostAsync("contended", TestDefinitions.Chain("A"));
        await PostAsync("contended", TestDefinitions.Chain("A"));

        var response = await _client.PostAsync("/api/v1/pipelines?name=contended&expectedVersion=1", Json(TestDefinitions.Chain("A")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413Problem()
    {
        var huge = new string(' ', (8 * 1024 * 1024) + 1);

        var response = await PostAsync("too-big", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownPipeline_Returns404ProblemJson()
    {
        var response = await _client.GetAsync("/api/v1/pipelines/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("does-not-exist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/pipelines/does-not-exist/versions")]
    [InlineData("/api/v1/pipelines/does-not-exist/versions/1")]
    [InlineData("/api/v1/pipelines/does-not-exist/definition")]
    public async Task Get_UnknownPipelineSubresource_Returns404Problem(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownVersionOfExistingPipeline_Returns404NamingTheVersion()
    {
        await PostAsync("one-version", TestDefinitions.Chain("A"));

        var response = await _client.GetAsync("/api/v1/pipelines/one-version/versions/7");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no version 7", (await ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InvalidPipelineName_Returns400Problem()
    {
        var response = await _client.GetAsync("/api/v1/pipelines/bad_name");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_NonNumericVersionQuery_Returns400Problem()
    {
        var response = await _client.GetAsync("/api/v1/pipelines/anything/definition?version=latest");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownApiRoute_Returns404Problem()
    {
        var response = await _client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    private Task<HttpResponseMessage> PostAsync(string name, string definition) =>
        _client.PostAsync($"/api/v1/pipelines?name={Uri.EscapeDataString(name)}", Json(definition));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
