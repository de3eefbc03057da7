using PipelineStudio.Core.Sweeps;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Persistence;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Hosting;

/// <summary>Builds the studio: configuration, services, database and demo data, middleware and endpoints.</summary>
public static class StudioWebApplication
{
    public const string SeedSamplesKey = "Studio:SeedSamples";
    public const string SamplesDirectoryKey = "Studio:SamplesDirectory";

    /// <summary>A ready-to-run app; the database is migrated and, on a first start, seeded.</summary>
    public static async Task<WebApplication> CreateAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        StudioConfiguration.AddStudioSettingsFile(builder.Configuration);
        if (!builder.Environment.IsDevelopment())
        {
            // Development gets this by default. Elsewhere it lets `dotnet run` (an unpublished build) serve
            // MudBlazor's and Blazor.Diagrams' _content/ files; after publish there is no manifest and it does nothing.
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.AddStudioWeb(builder.Configuration);

        var app = builder.Build();
        await InitializeAsync(app);
        app.UseStudioRequestPipeline();
        app.MapStudioEndpoints();
        return app;
    }

    private static async Task InitializeAsync(WebApplication app)
    {
        await app.Services.InitializeStudioDatabaseAsync(app.Lifetime.ApplicationStopping);

        // Executions a crash or restart left running carry on (their interrupted attempts are retried or failed).
        await app.Services.GetRequiredService<EngineRecovery>().ResumeAsync(app.Lifetime.ApplicationStopping);

        // Sweeps a restart interrupted carry on too, now that their executions do.
        await app.Services.GetRequiredService<SweepRunner>().ResumeAsync(app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue(SeedSamplesKey, defaultValue: true))
        {
            var samples = app.Configuration[SamplesDirectoryKey] is { Length: > 0 } configured
                ? Path.GetFullPath(configured)
                : StudioFolders.FindSamplesDirectory();
            await app.Services.GetRequiredService<SampleSeeder>().SeedAsync(samples, app.Lifetime.ApplicationStopping);
        }
    }
}
