using System.Net;
using System.Text;
using System.Text.Json;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

public sealed class ValidationApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Validate_ValidDefinition_ReportsValidWithNoErrors()
    {
        var result = await ValidateAsync(TestDefinitions.Chain("A", "B"));

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal(0, result.GetProperty("errorCount").GetInt32());
        Assert.DoesNotContain(result.GetProperty("issues").EnumerateArray(), i => i.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task Validate_MalformedDefinition_ReportsIssueWithLineAndColumn()
    {
        var result = await ValidateAsync(TestDefinitions.Malformed);

        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(1, result.GetProperty("errorCount").GetInt32());
        var issue = Assert.Single(result.GetProperty("issues").EnumerateArray());
        Assert.Equal("PS001", issue.GetProperty("code").GetString());
        Assert.Equal(1, issue.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Validate_JsonArray_ReportsNotAnObject()
    {
        var result = await ValidateAsync("[1, 2]");

        Assert.Equal("PS002", Assert.Single(result.GetProperty("issues").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_DoesNotStoreAnything()
    {
        await ValidateAsync(TestDefinitions.Chain("A"));

        var list = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/pipelines")).RootElement;

        Assert.Equal(0, list.GetArrayLength());
    }

    private async Task<JsonElement> ValidateAsync(string definition)
    {
        var response = await _client.PostAsync("/api/v1/validate", new StringContent(definition, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
