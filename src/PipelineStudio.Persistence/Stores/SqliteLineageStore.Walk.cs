using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Persistence.Stores;

public sealed partial class SqliteLineageStore
{
    // One statement per direction. `walk` dedups on (Id, Depth), so an entity reached at one depth by several edges is
    // expanded once; `nodes` keeps each entity at its shortest depth, capped. The second half returns the edges
    // among those nodes. Rows: Row=0 entity (Depth + entity columns), Row=1 edge (source, destination, type).
    private static string WalkSql(bool downstream)
    {
        var (from, to) = downstream ? ("SourceId", "DestinationId") : ("DestinationId", "SourceId");
        return $"""
            WITH RECURSIVE walk(Id, Depth) AS (
                SELECT $start, 0
                UNION
                SELECT a.{to}, w.Depth + 1 FROM walk w JOIN LineageAssociations a ON a.{from} = w.Id WHERE w.Depth < $depth
            ),
            nodes AS MATERIALIZED (SELECT Id, MIN(Depth) AS Depth FROM walk GROUP BY Id ORDER BY MIN(Depth), Id LIMIT $cap)
            SELECT 0, n.Depth, {EntityColumns}, NULL
            FROM nodes n JOIN LineageEntities e ON e.Id = n.Id
            UNION ALL
            SELECT 1, NULL, a.SourceId, a.DestinationId, a.Type, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM nodes n JOIN LineageAssociations a ON a.{from} = n.Id JOIN nodes m ON m.Id = a.{to};
            """;
    }

    public Task<LineageGraph> QueryAsync(LineageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxDepth, 1, nameof(query.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.MaxDepth, LineageQuery.DepthLimit, nameof(query.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxNodes, 1, nameof(query.MaxNodes));
        return WithConnectionAsync(async connection =>
        {
            var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
            var edges = new HashSet<LineageAssociation>();
            var truncated = false;
            if (query.Direction != LineageDirection.Downstream)
            {
                truncated |= await WalkAsync(connection, query, downstream: false, nodes, edges, cancellationToken).ConfigureAwait(false);
            }

            if (query.Direction != LineageDirection.Upstream)
            {
                truncated |= await WalkAsync(connection, query, downstream: true, nodes, edges, cancellationToken).ConfigureAwait(false);
            }

            return Filter(query, nodes, edges, truncated);
        }, cancellationToken);
    }

    private static async Task<bool> WalkAsync(
        SqliteConnection connection, LineageQuery query, bool downstream, Dictionary<string, LineageNode> nodes, HashSet<LineageAssociation> edges,
        CancellationToken cancellationToken)
    {
        using var command = Command(connection, WalkSql(downstream));
        command.Parameters["$start"].Value = query.StartId;
        command.Parameters["$depth"].Value = query.MaxDepth;
        command.Parameters["$cap"].Value = query.MaxNodes + 1;
        var count = 0;
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetInt32(0) == 1)
            {
                edges.Add(new LineageAssociation(reader.GetString(2), reader.GetString(3), reader.GetString(4)));
                continue;
            }

            count++;
            var entity = ReadEntity(reader, 2);
            var depth = reader.GetInt32(1);
            if (!nodes.TryGetValue(entity.Id, out var known) || known.Depth > depth)
            {
                nodes[entity.Id] = new LineageNode(entity, depth);
            }
        }

        return count > query.MaxNodes;
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
