using Microsoft.Extensions.FileProviders;
using PipelineStudio.Web.Api;
using PipelineStudio.Web.Components;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Hosting;

/// <summary>Middleware and endpoints. API callers get problem details; people in a browser get pages.</summary>
public static partial class StudioRequestPipeline
{
    public const string AssetsRequestPath = "/assets";

    public static WebApplication UseStudioRequestPipeline(this WebApplication app)
    {
        // Exceptions never show a stack trace, in any environment: these handlers run inside the developer
        // exception page that Development adds, so it never sees them. People get the Error and NotFound pages.
        // They stay on the app itself: a UseWhen branch has no routing of its own to re-execute a page with.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // API callers get problem details instead. These run inside the page handlers above and answer
        // first, so the outer ones see a response with a body and leave it alone.
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });

        app.UseStudioAssets();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStudioEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapPipelinesApi();
        app.MapValidationApi();
        app.MapExecutionsApi().MapCallbacksApi().MapComparisonApi();
        app.MapSweepsApi();
        app.MapLineageApi().MapLineageExportApi().MapModelPackagesApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Serves the repo's <c>wwwroot-assets/</c> (copied next to the app) at <c>/assets</c>.</summary>
    private static void UseStudioAssets(this WebApplication app)
    {
        var directory = StudioFolders.FindAssetsDirectory();
        if (directory is null)
        {
            LogAssetsMissing(app.Logger, StudioFolders.AssetsFolderName);
            return;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(directory),
            RequestPath = AssetsRequestPath,
        });
    }

    private static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Folder} folder found next to the app or in the repository; /assets serves nothing.")]
    private static partial void LogAssetsMissing(ILogger logger, string folder);
}
