using Microsoft.Extensions.Configuration;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Tests.Hosting;

public sealed class StudioUserTests
{
    [Fact]
    public void FromConfiguration_UserNameSet_UsesIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StudioUser.UserNameKey] = "  ann  " })
            .Build();

        Assert.Equal("ann", StudioUser.FromConfiguration(configuration).Name);
    }

    [Fact]
    public void FromConfiguration_UserNameBlank_FallsBackToOperatingSystemUser()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StudioUser.UserNameKey] = "" })
            .Build();

        var expected = string.IsNullOrWhiteSpace(Environment.UserName) ? "studio" : Environment.UserName;
        Assert.Equal(expected, StudioUser.FromConfiguration(configuration).Name);
    }
}
