using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace PipelineStudio.Web.Tests.Hosting;

/// <summary>
/// The real studio on a TestServer, with its own SQLite file in a fresh temporary data directory.
/// Settings go in through <see cref="IWebHostBuilder.UseSetting"/>, which reaches the app as
/// configuration before its services are built (Studio:DataDirectory is read at registration).
/// </summary>
public class StudioAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Where the SQLite file goes; a fresh temporary folder unless a test restarts on existing data.</summary>
    public string DataDirectory { get; init; } = CreateTempDirectory();

    public bool SeedSamples { get; init; }

    /// <summary>Folder of sample definitions to seed from; null uses the app's own samples/ folder.</summary>
    public string? SamplesDirectory { get; init; }

    /// <summary>Whether disposing this factory deletes <see cref="DataDirectory"/> (off when a test restarts on the same data).</summary>
    public bool DeleteDataOnDispose { get; init; } = true;

    public static string CreateTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipelinestudio-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Studio:DataDirectory", DataDirectory);
        builder.UseSetting("Studio:SeedSamples", SeedSamples ? "true" : "false");
        builder.UseSetting("Studio:UserName", "test-user");
        if (SamplesDirectory is not null)
        {
            builder.UseSetting("Studio:SamplesDirectory", SamplesDirectory);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataOnDispose)
        {
            // Pooled connections keep the file open; release them so the folder can go.
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failing Dispose would hide the real test result.
            }
        }
    }
}
