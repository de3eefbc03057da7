using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Persistence.Stores;

public sealed partial class SqliteLineageStore : IDisposable
{
    private const int IdleWalkers = 8;
    internal static readonly string UpstreamSql = WalkSql(downstream: false);
    internal static readonly string DownstreamSql = WalkSql(downstream: true);
    internal static readonly string UpstreamNodesAndEdgesSql = NodesAndEdgesSql(downstream: false);
    internal static readonly string DownstreamNodesAndEdgesSql = NodesAndEdgesSql(downstream: true);
    private readonly ConcurrentBag<LineageWalker> _walkers = [];

    // Per direction: the walk gives ids at their shortest depth (capped), then one statement gives those entities and the
    // edges among them. `walk` dedups on (Id, Depth), so an entity reached at one depth by several edges is expanded once.
    // Walks follow the flow of data (ContributedTo, Produced, AssociatedWith); DerivedFrom points from a model back to its
    // data, against that flow, so it is not walked, only returned between entities the walk found.
    // (One statement doing both was 100x slower with the bundled SQLite: its plan for joining the materialized walk back.)
    private static string WalkSql(bool downstream)
    {
        var (from, to) = downstream ? ("SourceId", "DestinationId") : ("DestinationId", "SourceId");
        return $"""
            WITH RECURSIVE walk(Id, Depth) AS (
                SELECT $start, 0
                UNION
                SELECT a.{to}, w.Depth + 1 FROM walk w JOIN LineageAssociations a ON a.{from} = w.Id
                WHERE w.Depth < $depth AND a.Type <> 'DerivedFrom'
            )
            SELECT Id, MIN(Depth) FROM walk GROUP BY Id ORDER BY MIN(Depth), Id LIMIT $cap;
            """;
    }

    // Rows: Row=0 an entity (its columns from index 1), Row=1 an edge (source, destination, type at 1..3). The edges are
    // looked up from the walk's side (`+` keeps SQLite off the other column's index): walking up from a model must not
    // scan the thousands of edges out of the image or code every run shares.
    private static string NodesAndEdgesSql(bool downstream)
    {
        var (from, to) = downstream ? ("SourceId", "DestinationId") : ("DestinationId", "SourceId");
        return $"""
            SELECT 0, {EntityColumns} FROM LineageEntities e WHERE e.Id IN (SELECT value FROM json_each($ids))
            UNION ALL
            SELECT 1, a.SourceId, a.DestinationId, a.Type, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM LineageAssociations a
            WHERE a.{from} IN (SELECT value FROM json_each($ids)) AND +a.{to} IN (SELECT value FROM json_each($ids));
            """;
    }

    public Task<LineageGraph> QueryAsync(LineageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxDepth, 1, nameof(query.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxDepth, LineageQuery.DepthLimit, nameof(query.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxNodes, 1, nameof(query.MaxNodes));
        return QueryWithWalkerAsync(query, cancellationToken);
    }

    public void Dispose()
    {
        while (_walkers.TryTake(out var walker))
        {
            walker.Dispose();
        }
    }

    private async Task<LineageGraph> QueryWithWalkerAsync(LineageQuery query, CancellationToken cancellationToken)
    {
        var walker = _walkers.TryTake(out var idle) ? idle : null;
        try
        {
            walker ??= new LineageWalker(_connectionString.Value);
            var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
            var edges = new HashSet<LineageAssociation>();
            var truncated = false;
            if (query.Direction != LineageDirection.Downstream)
            {
                truncated |= await WalkAsync(walker, downstream: false, query, nodes, edges, cancellationToken).ConfigureAwait(false);
            }

            if (query.Direction != LineageDirection.Upstream)
            {
                truncated |= await WalkAsync(walker, downstream: true, query, nodes, edges, cancellationToken).ConfigureAwait(false);
            }

            if (_walkers.Count < IdleWalkers)
            {
                _walkers.Add(walker);
                walker = null;
            }

            return Filter(query, nodes, edges, truncated);
        }
        catch (SqliteException ex)
        {
            throw StudioDatabaseErrors.Describe(walker?.Connection.DataSource ?? string.Empty, ex);
        }
        finally
        {
            walker?.Dispose();
        }
    }

    private static async Task<bool> WalkAsync(
        LineageWalker walker, bool downstream, LineageQuery query, Dictionary<string, LineageNode> nodes, HashSet<LineageAssociation> edges,
        CancellationToken cancellationToken)
    {
        var walk = downstream ? walker.Downstream : walker.Upstream;
        walk.Parameters["$start"].Value = query.StartId;
        walk.Parameters["$depth"].Value = query.MaxDepth;
        walk.Parameters["$cap"].Value = query.MaxNodes + 1;
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = await walk.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                depths[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var nodesAndEdges = downstream ? walker.DownstreamNodesAndEdges : walker.UpstreamNodesAndEdges;
        nodesAndEdges.Parameters["$ids"].Value = System.Text.Json.JsonSerializer.Serialize(depths.Keys);
        using (var reader = await nodesAndEdges.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt32(0) == 1)
                {
                    edges.Add(new LineageAssociation(reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                    continue;
                }

                var entity = ReadEntity(reader, 1);
                var depth = depths[entity.Id];
                if (!nodes.TryGetValue(entity.Id, out var known) || known.Depth > depth)
                {
                    nodes[entity.Id] = new LineageNode(entity, depth);
                }
            }
        }

        return depths.Count > query.MaxNodes;
    }

    /// <summary>Type filters apply to the result (the walk went through everything); the start always stays.</summary>
    private static LineageGraph Filter(LineageQuery query, Dictionary<string, LineageNode> nodes, HashSet<LineageAssociation> edges, bool truncated)
    {
        var matching = nodes.Values
            .Where(n => n.Entity.Id == query.StartId || query.EntityTypes is not { Count: > 0 } types || types.Contains(n.Entity.Type))
            .OrderBy(n => n.Depth).ThenBy(n => n.Entity.Id, StringComparer.Ordinal)
            .ToList();
        var kept = matching.Take(query.MaxNodes).ToList();
        var ids = kept.Select(n => n.Entity.Id).ToHashSet(StringComparer.Ordinal);
        var keptEdges = edges
            .Where(e => ids.Contains(e.SourceId) && ids.Contains(e.DestinationId))
            .Where(e => query.AssociationTypes is not { Count: > 0 } types || types.Contains(e.Type))
            .ToList();
        return new LineageGraph(kept, keptEdges, truncated || matching.Count > kept.Count);
    }
}
