using Microsoft.Extensions.Configuration;

namespace PipelineStudio.Persistence;

/// <summary>
/// Where the studio keeps its SQLite file (and, for other areas, local artifacts). The web app and the CLI both
/// resolve it here so that they agree on one folder.
/// </summary>
public static class StudioDataDirectory
{
    public const string ConfigurationKey = "Studio:DataDirectory";

    public const string DefaultDirectoryName = "data";

    public const string DatabaseFileName = "studio.db";

    /// <summary>
    /// The absolute data directory: the configured value (a relative value is resolved against the current
    /// directory) or <c>data</c> under the current directory when unset. The directory is created.
    /// </summary>
    /// <exception cref="StudioDatabaseException">The directory cannot be created; the message names it.</exception>
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[ConfigurationKey];
        var directory = string.IsNullOrWhiteSpace(configured) ? DefaultDirectoryName : configured.Trim();
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(directory, Directory.GetCurrentDirectory());
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StudioDatabaseException(
                $"The data directory '{directory}' (configuration key {ConfigurationKey}) is not a valid path: {ex.Message}", ex);
        }

        EnsureDirectory(fullPath);
        return fullPath;
    }

    /// <summary><c>&lt;dataDirectory&gt;/studio.db</c>.</summary>
    public static string DatabasePath(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return Path.Combine(dataDirectory, DatabaseFileName);
    }

    internal static void EnsureDirectory(string fullPath)
    {
        try
        {
            Directory.CreateDirectory(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StudioDatabaseException(
                $"The data directory '{fullPath}' cannot be created: {ex.Message} Set {ConfigurationKey} to a writable folder.", ex);
        }
    }
}
