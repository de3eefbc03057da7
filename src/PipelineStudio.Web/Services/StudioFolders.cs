namespace PipelineStudio.Web.Services;

/// <summary>
/// Finds the folders the build copies next to the app (<c>wwwroot-assets/</c>, <c>samples/</c>).
/// When the app runs from somewhere they were not copied to (a test host), it walks up to the
/// repository root and uses the source folders instead.
/// </summary>
public static class StudioFolders
{
    public const string AssetsFolderName = "wwwroot-assets";
    public const string SamplesFolderName = "samples";

    // The file that marks the repository root when walking up.
    private const string RepositoryMarker = "PipelineStudio.sln";

    public static string? FindAssetsDirectory(string? startDirectory = null) => Find(AssetsFolderName, startDirectory);

    public static string? FindSamplesDirectory(string? startDirectory = null) => Find(SamplesFolderName, startDirectory);

    /// <summary>The named folder next to the app, else in the repository root above it; null when neither exists.</summary>
    public static string? Find(string folderName, string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        var besideApp = Path.Combine(start, folderName);
        if (Directory.Exists(besideApp))
        {
            return Path.GetFullPath(besideApp);
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folderName);
            if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
