using System.Net;
using System.Text.Json;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class OpenApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetOpenApiDocument_ListsTheRestEndpoints()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var listed = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/pipelines", listed);
        Assert.Contains("/api/v1/pipelines/{name}", listed);
        Assert.Contains("/api/v1/pipelines/{name}/versions", listed);
        Assert.Contains("/api/v1/pipelines/{name}/versions/{version}", listed);
        Assert.Contains("/api/v1/pipelines/{name}/definition", listed);
        Assert.Contains("/api/v1/validate", listed);
        Assert.True(paths.GetProperty("/api/v1/pipelines").TryGetProperty("post", out var post));
        Assert.True(post.TryGetProperty("requestBody", out _));
    }
}
