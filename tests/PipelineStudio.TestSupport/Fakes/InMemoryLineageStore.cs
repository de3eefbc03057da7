using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary><see cref="ILineageStore"/> in memory with plain breadth-first walks, for engine and component tests.</summary>
public sealed class InMemoryLineageStore : ILineageStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LineageEntity> _entities = new(StringComparer.Ordinal);
    private readonly HashSet<LineageAssociation> _associations = [];

    public IReadOnlyCollection<LineageEntity> Entities
    {
        get
        {
            lock (_gate)
            {
                return [.. _entities.Values];
            }
        }
    }

    public IReadOnlyCollection<LineageAssociation> Associations
    {
        get
        {
            lock (_gate)
            {
                return [.. _associations];
            }
        }
    }

    public Task RecordAsync(IReadOnlyCollection<LineageEntity> entities, IReadOnlyCollection<LineageAssociation> associations, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var entity in entities)
            {
                _entities.TryAdd(entity.Id, entity);
            }

            _associations.UnionWith(associations);
        }

        return Task.CompletedTask;
    }

    public Task<LineageEntity?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_entities.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<LineageEntity>> SearchAsync(string text, int limit = 50, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<LineageEntity> found = [.. _entities.Values
                .Where(e => e.Id.Contains(text, StringComparison.Ordinal) || e.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || (e.SourceUri?.Contains(text, StringComparison.Ordinal) ?? false) || (e.ContentHash?.StartsWith(text, StringComparison.Ordinal) ?? false))
                .Take(limit)];
            return Task.FromResult(found);
        }
    }

    public Task<LineageGraph> QueryAsync(LineageQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_entities.ContainsKey(query.StartId))
            {
                return Task.FromResult(LineageGraph.Empty);
            }

            var depths = new Dictionary<string, int>(StringComparer.Ordinal) { [query.StartId] = 0 };
            foreach (var downstream in new[] { false, true }.Where(d => query.Direction == LineageDirection.Both || d == (query.Direction == LineageDirection.Downstream)))
            {
                var frontier = new List<string> { query.StartId };
                for (var depth = 1; depth <= query.MaxDepth && frontier.Count > 0; depth++)
                {
                    // Like the SQLite store: walks follow the data flow, not DerivedFrom.
                    frontier = [.. _associations.Where(a => a.Type != AssociationTypes.DerivedFrom && frontier.Contains(downstream ? a.SourceId : a.DestinationId))
                        .Select(a => downstream ? a.DestinationId : a.SourceId).Where(id => depths.TryAdd(id, depth))];
                }
            }

            var nodes = depths.Where(d => _entities.ContainsKey(d.Key)).Select(d => new LineageNode(_entities[d.Key], d.Value))
                .Where(n => n.Entity.Id == query.StartId || query.EntityTypes is not { Count: > 0 } types || types.Contains(n.Entity.Type))
                .OrderBy(n => n.Depth).Take(query.MaxNodes).ToList();
            var ids = nodes.Select(n => n.Entity.Id).ToHashSet(StringComparer.Ordinal);
            var edges = _associations.Where(a => ids.Contains(a.SourceId) && ids.Contains(a.DestinationId))
                .Where(a => query.AssociationTypes is not { Count: > 0 } types || types.Contains(a.Type)).ToList();
            return Task.FromResult(new LineageGraph(nodes, edges, depths.Count > query.MaxNodes));
        }
    }

    public Task<LineageGraph> FindPathAsync(string fromId, string toId, int maxDepth = 10, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var reachedBy = new Dictionary<string, LineageAssociation?>(StringComparer.Ordinal) { [fromId] = null };
            var frontier = new List<string> { fromId };
            for (var depth = 0; depth < maxDepth && frontier.Count > 0 && !reachedBy.ContainsKey(toId); depth++)
            {
                var next = new List<string>();
                foreach (var a in _associations)
                {
                    foreach (var (here, there) in new[] { (a.SourceId, a.DestinationId), (a.DestinationId, a.SourceId) })
                    {
                        if (frontier.Contains(here) && reachedBy.TryAdd(there, a))
                        {
                            next.Add(there);
                        }
                    }
                }

                frontier = next;
            }

            if (!reachedBy.ContainsKey(toId))
            {
                return Task.FromResult(LineageGraph.Empty);
            }

            var path = new List<string> { toId };
            var edges = new List<LineageAssociation>();
            for (var at = toId; reachedBy[at] is { } edge;)
            {
                edges.Insert(0, edge);
                at = edge.SourceId == at ? edge.DestinationId : edge.SourceId;
                path.Insert(0, at);
            }

            return Task.FromResult(new LineageGraph(
                [.. path.Where(_entities.ContainsKey).Select((id, i) => new LineageNode(_entities[id], i))], edges));
        }
    }
}
