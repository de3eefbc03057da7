using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class PipelinesApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_ValidDefinition_Returns201AndGetReturnsIt()
    {
        var response = await PostAsync("orders-etl", TestDefinitions.Chain("Extract", "Load"), "?message=first&author=ann");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/pipelines/orders-etl/versions/1", response.Headers.Location?.OriginalString);
        var saved = await ReadJsonAsync(response);
        Assert.Equal("orders-etl", saved.GetProperty("name").GetString());
        Assert.Equal(1, saved.GetProperty("version").GetInt32());

        var pipeline = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/orders-etl");
        Assert.Equal("orders-etl", pipeline.GetProperty("name").GetString());
        Assert.Equal("chain of 2", pipeline.GetProperty("description").GetString());
        Assert.Equal(1, pipeline.GetProperty("latestVersion").GetInt32());
        Assert.Equal(2, pipeline.GetProperty("stepCount").GetInt32());
        var version = pipeline.GetProperty("version");
        Assert.Equal("ann", version.GetProperty("author").GetString());
        Assert.Equal("first", version.GetProperty("message").GetString());
        var steps = pipeline.GetProperty("definition").GetProperty("Steps");
        Assert.Equal(["Extract", "Load"], steps.EnumerateArray().Select(s => s.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Post_WithoutAuthor_RecordsTheStudioUser()
    {
        await PostAsync("authorless", TestDefinitions.Chain("A"));

        var pipeline = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/authorless");

        Assert.Equal("test-user", pipeline.GetProperty("version").GetProperty("author").GetString());
    }

    [Fact]
    public async Task Post_Twice_CreatesVersionTwoAndListsBothNewestFirst()
    {
        var first = await PostAsync("twice", TestDefinitions.Chain("A"), "?message=one");
        var second = await PostAsync("twice", TestDefinitions.Chain("A", "B"), "?message=two");

        Assert.Equal(1, (await ReadJsonAsync(first)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await ReadJsonAsync(second)).GetProperty("version").GetInt32());
        var versions = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/twice/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(["two", "one"], versions.EnumerateArray().Select(v => v.GetProperty("message").GetString()));
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("stepCount").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("contentHash").GetString())));
    }

    [Fact]
    public async Task GetVersion_OlderVersion_ReturnsThatVersionsDefinition()
    {
        await PostAsync("older", TestDefinitions.Chain("A"));
        await PostAsync("older", TestDefinitions.Chain("A", "B", "C"));

        var v1 = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/older/versions/1");

        Assert.Equal(1, v1.GetProperty("version").GetProperty("version").GetInt32());
        Assert.Equal(2, v1.GetProperty("latestVersion").GetInt32());
        Assert.Single(v1.GetProperty("definition").GetProperty("Steps").EnumerateArray());
    }

    [Fact]
    public async Task List_WithSearch_ReturnsOnlyMatchingPipelines()
    {
        await PostAsync("search-alpha-one", TestDefinitions.Chain("A"));
        await PostAsync("search-beta-two", TestDefinitions.Chain("A"));

        var all = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines");
        var found = await _client.GetFromJsonAsync<JsonElement>("/api/v1/pipelines?search=ALPHA");

        var allNames = all.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("search-alpha-one", allNames);
        Assert.Contains("search-beta-two", allNames);
        var match = Assert.Single(found.EnumerateArray());
        Assert.Equal("search-alpha-one", match.GetProperty("name").GetString());
        Assert.Equal(1, match.GetProperty("latestVersion").GetInt32());
        Assert.Equal(1, match.GetProperty("stepCount").GetInt32());
    }

    [Fact]
    public async Task GetDefinition_WithDownload_ReturnsAttachmentNamedAfterVersion()
    {
        await PostAsync("download-me", TestDefinitions.Chain("A"));
        await PostAsync("download-me", TestDefinitions.Chain("A", "B"));

        var response = await _client.GetAsync("/api/v1/pipelines/download-me/definition?version=1&download=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("download-me-v1.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var definition = await ReadJsonAsync(response);
        Assert.Single(definition.GetProperty("Steps").EnumerateArray());
    }

    [Fact]
    public async Task GetDefinition_WithoutVersion_ReturnsLatestInline()
    {
        await PostAsync("inline-def", TestDefinitions.Chain("A"));
        await PostAsync("inline-def", TestDefinitions.Chain("A", "B"));

        var response = await _client.GetAsync("/api/v1/pipelines/inline-def/definition");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(2, (await ReadJsonAsync(response)).GetProperty("Steps").GetArrayLength());
    }

    [Fact]
    public async Task Get_DefinitionNestedDeeperThanDefaultJsonLimit_RoundTrips()
    {
        // System.Text.Json stops at 64 levels by default; stored definitions may nest up to 256.
        var created = await PostAsync("deep-one", TestDefinitions.DeeplyNested(150));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var response = await _client.GetAsync("/api/v1/pipelines/deep-one");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(new string('[', 150) + "1", body.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string name, string definition, string query = "")
    {
        var separator = query.Length == 0 ? "" : "&" + query.TrimStart('?');
        return _client.PostAsync(
            $"/api/v1/pipelines?name={Uri.EscapeDataString(name)}{separator}",
            new StringContent(definition, Encoding.UTF8, "application/json"));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(), new JsonDocumentOptions { MaxDepth = 512 }).RootElement;
}
