using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.TestSupport;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

/// <summary>The explorer's export: the same URL state gives the same nodes as the page, as JSON or SVG.</summary>
public sealed class LineageExportApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Export_JsonAndSvg_HoldTheViewOfTheUrlState()
    {
        await LineageSamples.RecordChurnAsync(factory.Services.GetRequiredService<ILineageStore>());
        var state = $"direction=upstream&depth=1&expanded={LineageSamples.ModelArtifact}&selected={LineageSamples.Package},{LineageSamples.Train}";

        var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/lineage/{LineageSamples.Package}/export?format=json&{state}")).RootElement;
        var svg = await _client.GetAsync($"/api/v1/lineage/{LineageSamples.Package}/export?format=svg&{state}");

        Assert.Equal(4, json.GetProperty("nodes").GetArrayLength());
        Assert.Equal(4, json.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("onPath").GetBoolean()));
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains(LineageSamples.Train, await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/lineage/artifact-nope/export", HttpStatusCode.NotFound, "artifact-nope")]
    [InlineData("/api/v1/lineage/artifact-nope/export?format=gif", HttpStatusCode.BadRequest, "format 'gif'")]
    public async Task Export_BadRequest_NamesTheProblem(string url, HttpStatusCode status, string detail)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
