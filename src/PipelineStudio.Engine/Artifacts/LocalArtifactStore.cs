using System.Collections.Concurrent;
using System.Security.Cryptography;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Engine.Artifacts;

/// <summary>
/// The artifact store on the local disk: <c>s3://bucket/key</c> is the file <c>&lt;root&gt;/bucket/key</c>.
/// A URI ending in '/' or naming a folder is a prefix: the folder's files, keys relative to it
/// (folder semantics, not S3's raw string prefix, so <c>data/tr</c> does not match <c>data/train/x</c>).
/// Writes go to <c>&lt;root&gt;/.tmp</c> first and are renamed into place, so a reader never sees half a
/// file; ".tmp" cannot clash with a bucket because bucket names never start with '.'.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private const string TempFolderName = ".tmp";
    private const int CopyBufferSize = 81920;

    // Hashing is the expensive part of listing; a file whose size and write time are unchanged keeps its hash.
    private readonly ConcurrentDictionary<string, (long Size, DateTime WrittenAt, string Hash)> _hashes = new(StringComparer.Ordinal);
    private readonly string _rootWithSeparator;

    /// <param name="rootDirectory">The folder holding one sub-folder per bucket, usually <c>&lt;data&gt;/artifacts</c>.</param>
    public LocalArtifactStore(string rootDirectory)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        _rootWithSeparator = Path.TrimEndingDirectorySeparator(RootDirectory) + Path.DirectorySeparatorChar;
    }

    /// <summary>The store of a studio data directory: <c>&lt;dataDirectory&gt;/artifacts</c>.</summary>
    public static LocalArtifactStore ForDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "artifacts"));

    public string RootDirectory { get; }

    /// <summary>The local path the URI maps to; throws <see cref="ArgumentException"/> for a URI that is invalid or escapes the root.</summary>
    public string ResolvePath(string uri) => ResolvePath(ArtifactUri.Parse(uri));

    public async Task<ArtifactObject> PutFileAsync(string uri, string localPath, CancellationToken cancellationToken = default)
    {
        var target = ParseObjectUri(uri);
        await using var source = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
        return await WriteAtomicallyAsync(target, source, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ArtifactObject> PutTextAsync(string uri, string content, CancellationToken cancellationToken = default)
    {
        var target = ParseObjectUri(uri);
        await using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
        return await WriteAtomicallyAsync(target, source, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> ReadTextAsync(string uri, CancellationToken cancellationToken = default)
    {
        var path = ResolvePath(ArtifactUri.Parse(uri));
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<IReadOnlyList<ArtifactObject>> DownloadAsync(string uri, string localDirectory, CancellationToken cancellationToken = default)
    {
        var objects = await ListAsync(uri, cancellationToken).ConfigureAwait(false);
        var parsed = ArtifactUri.Parse(uri);
        var basePath = ResolvePath(parsed);
        var singleObject = !parsed.IsPrefix && File.Exists(basePath);
        Directory.CreateDirectory(localDirectory);
        foreach (var item in objects)
        {
            var source = ResolvePath(ArtifactUri.Parse(item.Uri));
            var relative = singleObject ? Path.GetFileName(source) : Path.GetRelativePath(basePath, source);
            var target = Path.Combine(localDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await CopyFileAsync(source, target, cancellationToken).ConfigureAwait(false);
        }

        return objects;
    }

    public async Task<IReadOnlyList<ArtifactObject>> UploadDirectoryAsync(string localDirectory, string prefixUri, CancellationToken cancellationToken = default)
    {
        var prefix = ArtifactUri.Parse(prefixUri);
        if (!Directory.Exists(localDirectory))
        {
            return [];
        }

        var uploaded = new List<ArtifactObject>();
        foreach (var file in Directory.EnumerateFiles(localDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relativeKey = Path.GetRelativePath(localDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            uploaded.Add(await PutFileAsync(prefix.Append(relativeKey).ToString(), file, cancellationToken).ConfigureAwait(false));
        }

        return uploaded;
    }

    public async Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default)
    {
        var parsed = ArtifactUri.Parse(uri);
        var path = ResolvePath(parsed);
        if (!parsed.IsPrefix && File.Exists(path))
        {
            return [await DescribeAsync(parsed.ToString(), path, cancellationToken).ConfigureAwait(false)];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        var objects = new List<ArtifactObject>();
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relativeKey = Path.GetRelativePath(path, file).Replace(Path.DirectorySeparatorChar, '/');
            objects.Add(await DescribeAsync(parsed.Append(relativeKey).ToString(), file, cancellationToken).ConfigureAwait(false));
        }

        return objects;
    }

    private static ArtifactUri ParseObjectUri(string uri)
    {
        var parsed = ArtifactUri.Parse(uri);
        if (parsed.IsPrefix)
        {
            throw new ArgumentException($"Artifact URI '{uri}' names a prefix, not an object: it needs a key that does not end in '/'.", nameof(uri));
        }

        return parsed;
    }

    private string ResolvePath(ArtifactUri uri)
    {
        var path = Path.GetFullPath(Path.Combine([RootDirectory, uri.Bucket, .. uri.Segments]));
        // Parsing already rejects "..", this is the belt to its braces (e.g. a bucket named like an absolute path).
        if (!(path + Path.DirectorySeparatorChar).StartsWith(_rootWithSeparator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Artifact URI '{uri}' resolves outside the artifact root '{RootDirectory}'.", nameof(uri));
        }

        return path;
    }

    private async Task<ArtifactObject> WriteAtomicallyAsync(ArtifactUri uri, Stream source, CancellationToken cancellationToken)
    {
        var target = ResolvePath(uri);
        var tempFolder = Path.Combine(RootDirectory, TempFolderName);
        Directory.CreateDirectory(tempFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Path.Combine(tempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var destination = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, target, overwrite: true);
            var info = new FileInfo(target);
            var hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            _hashes[target] = (info.Length, info.LastWriteTimeUtc, hex);
            return new ArtifactObject(uri.ToString(), info.Length, hex, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private async Task<ArtifactObject> DescribeAsync(string uri, string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!_hashes.TryGetValue(path, out var known) || known.Size != info.Length || known.WrittenAt != info.LastWriteTimeUtc)
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
            var hex = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
            known = (info.Length, info.LastWriteTimeUtc, hex);
            _hashes[path] = known;
        }

        return new ArtifactObject(uri, info.Length, known.Hash, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
    }

    private static async Task CopyFileAsync(string source, string target, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
        await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
