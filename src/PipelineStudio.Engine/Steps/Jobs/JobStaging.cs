using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Moves a job's data between the artifact store and its workspace, turning errors into job failures: a
/// URI that is invalid or names nothing is the job's own fault (ClientError), an IO failure is the service's
/// (Step.SERVICE_FAULT, which retry policies may retry).
/// </summary>
public static class JobStaging
{
    /// <summary>Copies the object or prefix to <paramref name="localDirectory"/>; <paramref name="what"/> names the input in messages.</summary>
    public static async Task<IReadOnlyList<ArtifactObject>> DownloadAsync(
        JobServices services, string? uri, string localDirectory, string what, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw JobFailedException.Client($"{what} has no S3Uri.");
        }

        var objects = await GuardAsync(what, uri, () => services.Artifacts.DownloadAsync(uri, localDirectory, cancellationToken)).ConfigureAwait(false);
        if (objects.Count == 0)
        {
            throw JobFailedException.Client($"{what}: no objects found under {uri}.");
        }

        services.Note($"Staged {what}: {objects.Count} object(s) from {uri}.");
        return objects;
    }

    /// <summary>Uploads every file under <paramref name="localDirectory"/> beneath <paramref name="prefixUri"/>.</summary>
    public static async Task<IReadOnlyList<ArtifactObject>> UploadDirectoryAsync(
        JobServices services, string localDirectory, string? prefixUri, string what, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(prefixUri))
        {
            throw JobFailedException.Client($"{what} has no S3Uri.");
        }

        var objects = await GuardAsync(what, prefixUri, () => services.Artifacts.UploadDirectoryAsync(localDirectory, prefixUri, cancellationToken)).ConfigureAwait(false);
        services.Note($"Uploaded {what}: {objects.Count} object(s) to {prefixUri}.");
        return objects;
    }

    /// <summary>Stores one local file at <paramref name="uri"/>.</summary>
    public static async Task<ArtifactObject> UploadFileAsync(
        JobServices services, string localPath, string uri, string what, CancellationToken cancellationToken)
    {
        var stored = await GuardAsync(what, uri, () => services.Artifacts.PutFileAsync(uri, localPath, cancellationToken)).ConfigureAwait(false);
        services.Note($"Uploaded {what} to {uri} ({stored.Size} bytes, sha256 {stored.ContentHash}).");
        return stored;
    }

    /// <summary>Runs a staging action, mapping its exceptions to job failures.</summary>
    public static async Task<T> GuardAsync<T>(string what, string uri, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw JobFailedException.Client($"{what}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new JobFailedException(FailureKinds.ServiceFault, $"{what}: copying {uri} failed: {ex.Message}", ex);
        }
    }
}
