using PipelineStudio.Persistence;
using PipelineStudio.Web.Hosting;

try
{
    var app = await StudioWebApplication.CreateAsync(args);
    await app.RunAsync();
    return 0;
}
catch (StudioDatabaseException ex)
{
    // A data directory or database that cannot be used is a configuration problem: say which, without a trace.
    await Console.Error.WriteLineAsync($"PipelineStudio cannot start: {ex.Message}");
    return 1;
}
