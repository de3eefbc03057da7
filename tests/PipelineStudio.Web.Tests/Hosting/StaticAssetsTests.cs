using System.Net;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class StaticAssetsTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetAsset_FileInWwwrootAssets_IsServedUnderAssets()
    {
        var folder = StudioFolders.FindAssetsDirectory();
        Assert.NotNull(folder);
        var file = Path.Combine(folder, "css", "studio.css");
        Assert.True(File.Exists(file), $"expected {file}");

        var response = await _client.GetAsync("/assets/css/studio.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(file), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetAsset_MissingFile_Returns404()
    {
        var response = await _client.GetAsync("/assets/css/no-such-file.css");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
