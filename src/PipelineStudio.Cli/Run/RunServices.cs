using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Persistence;

namespace PipelineStudio.Cli.Run;

/// <summary>
/// The services <c>run</c> needs, composed like the studio composes them so both share one data directory:
/// the root <c>appsettings.json</c> next to the binary (optional), environment variables
/// (<c>Studio__DataDirectory</c>, <c>Engine__MaxParallelSteps</c>...), then <c>--data-dir</c>.
/// </summary>
public static class RunServices
{
    public const string SettingsFileName = "appsettings.json";

    public static IConfiguration BuildConfiguration(string? dataDirectory)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(dataDirectory))
        {
            builder.AddInMemoryCollection([new(StudioDataDirectory.ConfigurationKey, Path.GetFullPath(dataDirectory))]);
        }

        return builder.Build();
    }

    /// <summary>A provider with persistence (database migrated) and the local engine; dispose it to flush the run store.</summary>
    /// <exception cref="StudioDatabaseException">The data directory or database cannot be used; the message names it.</exception>
    public static async Task<ServiceProvider> CreateAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddStudioPersistence(StudioDataDirectory.Resolve(configuration));
        services.AddSingleton<PipelineLibrary>();
        services.AddLocalEngine(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.InitializeStudioDatabaseAsync(cancellationToken).ConfigureAwait(false);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
