using Microsoft.Extensions.DependencyInjection.Extensions;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Hosting;

/// <summary>The sweep runner and where sweeps are kept.</summary>
public static partial class SweepServiceRegistration
{
    public static IServiceCollection AddStudioSweeps(this IServiceCollection services)
    {
        // Persistence registers the SQLite store first; this in-memory one only serves hosts without a database.
        services.TryAddSingleton<ISweepStore, InMemorySweepStore>();
        services.TryAddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<SweepRunner>>();
            return new SweepRunner(
                sp.GetRequiredService<IExecutionBackend>(), sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<IRunEventHub>(),
                sp.GetRequiredService<ISweepStore>(), sp.GetRequiredService<TimeProvider>(),
                new SweepRunnerOptions { OnError = (message, exception) => LogRunnerError(logger, exception, message) });
        });
        return services;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogRunnerError(ILogger logger, Exception exception, string message);
}
