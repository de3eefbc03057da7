using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PipelineStudio.E2E.Infrastructure;

/// <summary>
/// The real studio (same Program, same middleware) on a real Kestrel socket with an empty data
/// directory of its own and no demo pipelines, so each run starts from a known, empty store.
/// </summary>
public sealed class StudioServerFactory(string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Studio:DataDirectory", dataDirectory);
        builder.UseSetting("Studio:SeedSamples", "false");
        builder.UseSetting("Studio:UserName", "e2e");
    }
}
