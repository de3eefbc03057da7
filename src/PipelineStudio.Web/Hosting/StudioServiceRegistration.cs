using MudBlazor.Services;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Persistence;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Hosting;

/// <summary>Every service the studio's pages and endpoints inject.</summary>
public static class StudioServiceRegistration
{
    public static IServiceCollection AddStudioWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddStudioPersistence(StudioDataDirectory.Resolve(configuration));
        services.AddSingleton<PipelineLibrary>();
        services.AddLocalEngine(configuration);
        services.AddHostedService<EngineHostedService>();
        services.AddSingleton(StudioUser.FromConfiguration(configuration));
        services.AddSingleton<SampleSeeder>();
        services.AddStudioSweeps();
        services.AddSingleton<StepLogReader>();
        services.AddSingleton<Model.Registry.ModelMetricsReader>();
        services.AddSingleton<ExecutionComparisonLoader>();

        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options =>
        {
            // Definitions may nest up to DefinitionJson.MaxDepth; the response wraps them a few levels deeper.
            options.SerializerOptions.MaxDepth = DefinitionJson.MaxDepth + 8;
        });
        return services;
    }
}
