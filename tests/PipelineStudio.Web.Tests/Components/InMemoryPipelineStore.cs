using System.Security.Cryptography;
using System.Text;
using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Tests.Components;

/// <summary>An <see cref="IPipelineStore"/> in a dictionary, for component tests that need no database.</summary>
internal sealed class InMemoryPipelineStore(TimeProvider clock) : IPipelineStore
{
    private readonly Dictionary<string, List<PipelineVersion>> _pipelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? DisplayName, string? Description)> _headers = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<PipelineSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PipelineSummary> list = _pipelines.Keys
            .Select(Summarize)
            .Where(s => search is null || s.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (s.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(list);
    }

    public Task<PipelineSummary?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pipelines.ContainsKey(name) ? Summarize(name) : null);

    public Task<PipelineVersion?> GetLatestAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pipelines.TryGetValue(name, out var versions) ? versions[^1] : null);

    public Task<PipelineVersion?> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_pipelines.TryGetValue(name, out var versions) ? versions.FirstOrDefault(v => v.Info.Version == version) : null);

    public Task<IReadOnlyList<PipelineVersionInfo>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PipelineVersionInfo> list = _pipelines.TryGetValue(name, out var versions)
            ? versions.Select(v => v.Info).Reverse().ToList()
            : [];
        return Task.FromResult(list);
    }

    public Task<PipelineVersionInfo> SaveAsync(SavePipelineVersion request, CancellationToken cancellationToken = default)
    {
        if (!_pipelines.TryGetValue(request.Name, out var versions))
        {
            versions = [];
            _pipelines[request.Name] = versions;
        }

        var info = new PipelineVersionInfo(
            request.Name, versions.Count + 1, request.Author, request.Message, clock.GetUtcNow(), request.StepCount,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.DefinitionJson))));
        versions.Add(new PipelineVersion(info, request.DefinitionJson, request.OriginalJson));
        _headers[request.Name] = (request.DisplayName, request.Description);
        return Task.FromResult(info);
    }

    private PipelineSummary Summarize(string name)
    {
        var versions = _pipelines[name];
        var header = _headers.GetValueOrDefault(name);
        return new PipelineSummary(
            name, header.DisplayName, header.Description, versions[^1].Info.Version, versions[^1].Info.StepCount,
            versions[0].Info.CreatedAt, versions[^1].Info.CreatedAt);
    }
}
