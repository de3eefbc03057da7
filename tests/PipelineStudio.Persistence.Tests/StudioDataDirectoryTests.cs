using Microsoft.Extensions.Configuration;

namespace PipelineStudio.Persistence.Tests;

public sealed class StudioDataDirectoryTests
{
    private static IConfiguration Configuration(string? dataDirectory) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [StudioDataDirectory.ConfigurationKey] = dataDirectory })
            .Build();

    [Fact]
    public void Resolve_Unset_IsDataUnderCurrentDirectory()
    {
        var resolved = StudioDataDirectory.Resolve(Configuration(null));

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data"), resolved);
        Assert.True(Directory.Exists(resolved));
    }

    [Fact]
    public void Resolve_RelativeValue_ResolvedAgainstCurrentDirectoryAndCreated()
    {
        var relative = Path.Combine("studio-data-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var resolved = StudioDataDirectory.Resolve(Configuration(relative));

            Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), relative), resolved);
            Assert.True(Directory.Exists(resolved));
        }
        finally
        {
            Directory.Delete(Path.Combine(Directory.GetCurrentDirectory(), "studio-data-tests"), recursive: true);
        }
    }

    [Fact]
    public void Resolve_AbsoluteValue_UsedAsIsAndCreated()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "pipelinestudio-tests", Guid.NewGuid().ToString("N"), "nested");
        try
        {
            Assert.Equal(absolute, StudioDataDirectory.Resolve(Configuration(absolute)));
            Assert.True(Directory.Exists(absolute));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(absolute)!, recursive: true);
        }
    }

    [Fact]
    public void Resolve_PathUnderAFile_ThrowsMessageNamingThePath()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<StudioDatabaseException>(() => StudioDataDirectory.Resolve(Configuration(Path.Combine(file, "data"))));

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains(StudioDataDirectory.ConfigurationKey, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void DatabasePath_Directory_IsStudioDbInside()
    {
        Assert.Equal(Path.Combine("/srv/studio", "studio.db"), StudioDataDirectory.DatabasePath("/srv/studio"));
    }
}
