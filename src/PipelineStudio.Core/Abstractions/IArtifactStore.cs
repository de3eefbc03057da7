namespace PipelineStudio.Core.Abstractions;

/// <summary>An object in the artifact store.</summary>
/// <param name="Uri">Its <c>s3://bucket/key</c> address.</param>
/// <param name="ContentHash">SHA-256 of the content, lowercase hex.</param>
public sealed record ArtifactObject(string Uri, long Size, string ContentHash, DateTimeOffset LastModified);

/// <summary>
/// Artifacts addressed by <c>s3://bucket/key</c> URIs, the one address space of the studio: a local folder
/// by default, S3 when configured. A URI ending in '/' (or naming no object) is treated as a prefix.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Copies a local file to the URI, returning what was stored.</summary>
    Task<ArtifactObject> PutFileAsync(string uri, string localPath, CancellationToken cancellationToken = default);

    /// <summary>Stores text (e.g. a small JSON result) at the URI.</summary>
    Task<ArtifactObject> PutTextAsync(string uri, string content, CancellationToken cancellationToken = default);

    /// <summary>Reads a small object as text; null when it does not exist.</summary>
    Task<string?> ReadTextAsync(string uri, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the object, or every object under the prefix, into the local directory (keys relative to the
    /// prefix become relative paths). Returns the objects copied; none when nothing is there.
    /// </summary>
    Task<IReadOnlyList<ArtifactObject>> DownloadAsync(string uri, string localDirectory, CancellationToken cancellationToken = default);

    /// <summary>Uploads every file under the local directory beneath the prefix URI.</summary>
    Task<IReadOnlyList<ArtifactObject>> UploadDirectoryAsync(string localDirectory, string prefixUri, CancellationToken cancellationToken = default);

    /// <summary>The object at the URI, or every object under it when it is a prefix.</summary>
    Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default);
}
