using System.Security.Cryptography;
using System.Text;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary>An in-memory <see cref="IPipelineStore"/>: append-only versions per pipeline name.</summary>
public sealed class InMemoryPipelineStore : IPipelineStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(PipelineVersion Version, SavePipelineVersion Request)>> _pipelines = new(StringComparer.Ordinal);

    /// <summary>Saves a definition as the next version (convenience for tests).</summary>
    public Task<PipelineVersionInfo> SaveAsync(string name, string definitionJson) =>
        SaveAsync(new SavePipelineVersion(name, definitionJson, "test", "saved by a test", 0));

    public Task<IReadOnlyList<PipelineSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PipelineSummary> result = _pipelines.Keys.Order(StringComparer.Ordinal)
                .Where(n => search is null || n.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(Summary).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<PipelineSummary?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_pipelines.ContainsKey(name) ? Summary(name) : null);
        }
    }

    public Task<PipelineVersion?> GetLatestAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_pipelines.TryGetValue(name, out var versions) ? versions[^1].Version : null);
        }
    }

    public Task<PipelineVersion?> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_pipelines.TryGetValue(name, out var versions) && version >= 1 && version <= versions.Count
                ? versions[version - 1].Version : null);
        }
    }

    public Task<IReadOnlyList<PipelineVersionInfo>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<PipelineVersionInfo> result = _pipelines.TryGetValue(name, out var versions)
                ? versions.Select(v => v.Version.Info).Reverse().ToList() : [];
            return Task.FromResult(result);
        }
    }

    public Task<PipelineVersionInfo> SaveAsync(SavePipelineVersion request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var versions = _pipelines.TryGetValue(request.Name, out var list) ? list : _pipelines[request.Name] = [];
            if (request.ExpectedLatestVersion is { } expected && expected != versions.Count)
            {
                throw new PipelineVersionConflictException(request.Name, expected, versions.Count);
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.DefinitionJson)));
            var info = new PipelineVersionInfo(request.Name, versions.Count + 1, request.Author, request.Message, DateTimeOffset.UtcNow, request.StepCount, hash);
            versions.Add((new PipelineVersion(info, request.DefinitionJson, request.OriginalJson), request));
            return Task.FromResult(info);
        }
    }

    private PipelineSummary Summary(string name)
    {
        var versions = _pipelines[name];
        var latest = versions[^1];
        return new PipelineSummary(name, latest.Request.DisplayName, latest.Request.Description, versions.Count,
            latest.Request.StepCount, versions[0].Version.Info.CreatedAt, latest.Version.Info.CreatedAt);
    }
}
