using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PipelineStudio.Web.Hosting;

/// <summary>
/// Makes the repo-root <c>appsettings.json</c> (copied next to the app) count no matter which folder
/// the studio is started from, without changing ASP.NET Core's usual precedence.
/// </summary>
public static class StudioConfiguration
{
    public const string SettingsFileName = "appsettings.json";

    /// <summary>
    /// Inserts <c>appsettings.json</c> from <see cref="AppContext.BaseDirectory"/> below every other
    /// source except the host's own: the working directory's <c>appsettings*.json</c>, environment
    /// variables (<c>Studio__DataDirectory</c>) and the command line all override it.
    /// </summary>
    public static void AddStudioSettingsFile(IConfigurationManager configuration, string? baseDirectory = null)
    {
        var directory = baseDirectory ?? AppContext.BaseDirectory;
        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(directory),
            Path = SettingsFileName,
            Optional = true,
            ReloadOnChange = false,
        };

        var sources = configuration.Sources;
        sources.Insert(FirstAppSourceIndex(sources), source);
    }

    // The host adds DOTNET_/ASPNETCORE_ variables and the command line first, then the app's
    // appsettings files; the first JSON file or unprefixed environment source is where app settings start.
    private static int FirstAppSourceIndex(IList<IConfigurationSource> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource
                || sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                return i;
            }
        }

        return 0;
    }
}
