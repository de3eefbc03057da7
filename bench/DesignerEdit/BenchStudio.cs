using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DesignerEdit;

/// <summary>
/// The real studio (same Program and middleware, Production environment) on a real Kestrel socket, over a data
/// directory of its own. The content root and static web assets come from the source tree, as in <c>dotnet run</c>.
/// </summary>
internal sealed class BenchStudio : WebApplicationFactory<Program>
{
    private const string ContentRootVariable = "ASPNETCORE_TEST_CONTENTROOT_PIPELINESTUDIO_WEB";

    private readonly string _dataDirectory;

    public BenchStudio(string dataDirectory)
    {
        _dataDirectory = dataDirectory;

        // WebApplicationFactory reads the app's content root from this variable when no test manifest names it.
        if (Environment.GetEnvironmentVariable(ContentRootVariable) is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable(ContentRootVariable, WebProjectDirectory());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets();
        builder.UseSetting("Studio:DataDirectory", _dataDirectory);
        builder.UseSetting("Studio:SeedSamples", "false");
        builder.UseSetting("Studio:UserName", "bench");
    }

    private static string WebProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PipelineStudio.sln")))
            {
                return Path.Combine(directory.FullName, "src", "PipelineStudio.Web");
            }
        }

        throw new InvalidOperationException($"PipelineStudio.sln was not found above {AppContext.BaseDirectory}; run the bench from its build output in the source tree.");
    }
}
