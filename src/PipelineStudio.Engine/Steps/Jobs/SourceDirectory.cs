using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Script-mode code: <c>sagemaker_submit_directory</c> / <c>SAGEMAKER_SUBMIT_DIRECTORY</c> is an s3 URI of a
/// tar.gz (the SDK's sourcedir.tar.gz) or of a prefix holding the scripts; either way it lands in one folder.
/// </summary>
public static class SourceDirectory
{
    /// <summary>Stages the submit directory into <c>/opt/ml/code</c> and returns the program's local path.</summary>
    public static Task<string> StageAsync(string? submitDirectory, string program, ContainerContract contract, JobServices services, CancellationToken cancellationToken) =>
        StageAsync(submitDirectory, program, contract.EnsureDirectory("/opt/ml/code"), Path.Combine(contract.Workspace, "sourcedir"), services, cancellationToken);

    /// <summary>Stages the submit directory into <paramref name="codeDirectory"/> and returns the program's local path.</summary>
    public static async Task<string> StageAsync(
        string? submitDirectory, string program, string codeDirectory, string scratchDirectory, JobServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(submitDirectory))
        {
            throw JobFailedException.Client($"Program '{program}' has no submit directory (sagemaker_submit_directory) to come from.");
        }

        if (!submitDirectory.StartsWith("s3://", StringComparison.Ordinal))
        {
            throw JobFailedException.Client($"Submit directory '{submitDirectory}' must be an s3:// URI (local file paths are not staged).");
        }

        Directory.CreateDirectory(codeDirectory);
        if (ModelArchive.IsArchiveUri(submitDirectory))
        {
            var archives = await JobStaging.DownloadAsync(services, submitDirectory, scratchDirectory, "submit directory", cancellationToken).ConfigureAwait(false);
            var archive = Path.Combine(scratchDirectory, Path.GetFileName(archives[0].Uri));
            await JobStaging.GuardAsync("submit directory", submitDirectory, async () =>
            {
                await ModelArchive.ExtractAsync(archive, codeDirectory, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }
        else
        {
            await JobStaging.DownloadAsync(services, submitDirectory, codeDirectory, "submit directory", cancellationToken).ConfigureAwait(false);
        }

        var script = Path.GetFullPath(Path.Combine(codeDirectory, program));
        if (!script.StartsWith(Path.GetFullPath(codeDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(script))
        {
            throw JobFailedException.Client($"Program '{program}' is not in the submit directory {submitDirectory}.");
        }

        return script;
    }
}
