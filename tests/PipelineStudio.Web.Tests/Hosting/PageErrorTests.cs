using System.Net;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class PageErrorTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_UnknownPage_Returns404WithTheNotFoundPage()
    {
        var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }
}
