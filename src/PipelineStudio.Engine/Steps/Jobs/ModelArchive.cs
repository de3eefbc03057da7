using System.Formats.Tar;
using System.IO.Compression;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>model.tar.gz and sourcedir.tar.gz: gzip-compressed tar archives of a folder's contents.</summary>
public static class ModelArchive
{
    /// <summary>Packs every file under <paramref name="sourceDirectory"/> (paths relative to it) into a .tar.gz.</summary>
    public static async Task PackAsync(string sourceDirectory, string archivePath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(sourceDirectory);
        await using var file = File.Create(archivePath);
        await using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        await TarFile.CreateFromDirectoryAsync(sourceDirectory, gzip, includeBaseDirectory: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extracts a .tar.gz into <paramref name="targetDirectory"/>; entries that would land outside it are refused by TarFile.</summary>
    public static async Task ExtractAsync(string archivePath, string targetDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(targetDirectory);
        await using var file = File.OpenRead(archivePath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, targetDirectory, overwriteFiles: true, cancellationToken).ConfigureAwait(false);
    }

    public static bool IsArchiveUri(string uri) => uri.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase);
}
