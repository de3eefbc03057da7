using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary>An in-memory <see cref="IArtifactStore"/>: objects by full <c>s3://</c> URI; a URI ending in '/' is a prefix.</summary>
public sealed class InMemoryArtifactStore : IArtifactStore
{
    private readonly ConcurrentDictionary<string, (byte[] Content, ArtifactObject Info)> _objects = new(StringComparer.Ordinal);

    public Task<ArtifactObject> PutFileAsync(string uri, string localPath, CancellationToken cancellationToken = default) =>
        Task.FromResult(Put(uri, File.ReadAllBytes(localPath)));

    public Task<ArtifactObject> PutTextAsync(string uri, string content, CancellationToken cancellationToken = default) =>
        Task.FromResult(Put(uri, Encoding.UTF8.GetBytes(content)));

    public Task<string?> ReadTextAsync(string uri, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.TryGetValue(uri, out var found) ? Encoding.UTF8.GetString(found.Content) : null);

    public Task<IReadOnlyList<ArtifactObject>> DownloadAsync(string uri, string localDirectory, CancellationToken cancellationToken = default)
    {
        var matches = Matching(uri);
        foreach (var (key, content) in matches)
        {
            var relative = _objects.ContainsKey(uri) ? Path.GetFileName(key) : key[Prefix(uri).Length..];
            var target = Path.Combine(localDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content.Content);
        }

        return Task.FromResult<IReadOnlyList<ArtifactObject>>(matches.Select(m => m.Value.Info).ToList());
    }

    public Task<IReadOnlyList<ArtifactObject>> UploadDirectoryAsync(string localDirectory, string prefixUri, CancellationToken cancellationToken = default)
    {
        var stored = Directory.EnumerateFiles(localDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Put(Prefix(prefixUri) + Path.GetRelativePath(localDirectory, f).Replace('\\', '/'), File.ReadAllBytes(f)))
            .ToList();
        return Task.FromResult<IReadOnlyList<ArtifactObject>>(stored);
    }

    public Task<IReadOnlyList<ArtifactObject>> ListAsync(string uri, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ArtifactObject>>(Matching(uri).Select(m => m.Value.Info).ToList());

    private List<KeyValuePair<string, (byte[] Content, ArtifactObject Info)>> Matching(string uri) =>
        _objects.TryGetValue(uri, out var exact) && !uri.EndsWith('/')
            ? [KeyValuePair.Create(uri, exact)]
            : _objects.Where(p => p.Key.StartsWith(Prefix(uri), StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    private static string Prefix(string uri) => uri.EndsWith('/') ? uri : uri + "/";

    private ArtifactObject Put(string uri, byte[] content)
    {
        var info = new ArtifactObject(uri, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), DateTimeOffset.UtcNow);
        _objects[uri] = (content, info);
        return info;
    }
}
