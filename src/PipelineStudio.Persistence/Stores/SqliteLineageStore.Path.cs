using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Persistence.Stores;

public sealed partial class SqliteLineageStore
{
    /// <summary>Stops a path search that fans out through very shared entities (a dataset read by every run).</summary>
    private const int PathSearchLimit = 50_000;

    private const string NeighboursSql = """
        SELECT a.SourceId, a.DestinationId, a.Type FROM LineageAssociations a WHERE a.SourceId IN (SELECT value FROM json_each($ids))
        UNION
        SELECT a.SourceId, a.DestinationId, a.Type FROM LineageAssociations a WHERE a.DestinationId IN (SELECT value FROM json_each($ids));
        """;

    /// <summary>
    /// Breadth-first from both ends at once, one query per level for the whole frontier, edges followed either way;
    /// the shortest path found is returned with its entities.
    /// </summary>
    public Task<LineageGraph> FindPathAsync(string fromId, string toId, int maxDepth = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        return WithConnectionAsync(async connection =>
        {
            if (fromId == toId)
            {
                return await EntitiesOfPathAsync(connection, [fromId], [], cancellationToken).ConfigureAwait(false);
            }

            // For each side: entity -> the edge that reached it (null for the side's start).
            var sides = new[]
            {
                new Dictionary<string, LineageAssociation?>(StringComparer.Ordinal) { [fromId] = null },
                new Dictionary<string, LineageAssociation?>(StringComparer.Ordinal) { [toId] = null },
            };
            var frontiers = new[] { new List<string> { fromId }, new List<string> { toId } };
            for (var hops = 0; hops < maxDepth && frontiers.All(f => f.Count > 0) && sides.Sum(s => s.Count) < PathSearchLimit; hops++)
            {
                var side = frontiers[0].Count <= frontiers[1].Count ? 0 : 1;
                var next = new List<string>();
                foreach (var edge in await NeighboursAsync(connection, frontiers[side], cancellationToken).ConfigureAwait(false))
                {
                    foreach (var (here, there) in new[] { (edge.SourceId, edge.DestinationId), (edge.DestinationId, edge.SourceId) })
                    {
                        if (!sides[side].ContainsKey(here) || sides[side].ContainsKey(there))
                        {
                            continue;
                        }

                        sides[side][there] = edge;
                        next.Add(there);
                        if (sides[1 - side].ContainsKey(there))
                        {
                            var (ids, edges) = Join(sides, there, fromId, toId);
                            return await EntitiesOfPathAsync(connection, ids, edges, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                frontiers[side] = next;
            }

            return LineageGraph.Empty;
        }, cancellationToken);
    }

    private static async Task<List<LineageAssociation>> NeighboursAsync(SqliteConnection connection, List<string> frontier, CancellationToken cancellationToken)
    {
        using var command = Command(connection, NeighboursSql);
        command.Parameters["$ids"].Value = System.Text.Json.JsonSerializer.Serialize(frontier);
        var edges = new List<LineageAssociation>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            edges.Add(new LineageAssociation(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return edges;
    }

    /// <summary>The path in order from <paramref name="fromId"/> to <paramref name="toId"/>, through the entity where the searches met.</summary>
    private static (List<string> Ids, List<LineageAssociation> Edges) Join(Dictionary<string, LineageAssociation?>[] sides, string meeting, string fromId, string toId)
    {
        var halves = new[] { (sides[0], fromId), (sides[1], toId) }.Select(half =>
        {
            var (reachedBy, start) = half;
            var ids = new List<string>();
            var edges = new List<LineageAssociation>();
            for (var at = meeting; at != start && reachedBy[at] is { } edge;)
            {
                edges.Add(edge);
                at = edge.SourceId == at ? edge.DestinationId : edge.SourceId;
                ids.Add(at);
            }

            return (ids, edges);
        }).ToArray();
        halves[0].ids.Reverse();
        halves[0].edges.Reverse();
        return ([.. halves[0].ids, meeting, .. halves[1].ids], [.. halves[0].edges, .. halves[1].edges]);
    }

    private static async Task<LineageGraph> EntitiesOfPathAsync(
        SqliteConnection connection, List<string> ids, List<LineageAssociation> edges, CancellationToken cancellationToken)
    {
        using var command = Command(connection, $"SELECT {EntityColumns} FROM LineageEntities e WHERE e.Id IN (SELECT value FROM json_each($ids));");
        command.Parameters["$ids"].Value = System.Text.Json.JsonSerializer.Serialize(ids);
        var entities = new Dictionary<string, LineageEntity>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var entity = ReadEntity(reader, 0);
            entities[entity.Id] = entity;
        }

        // Depth is the position along the path; an id without a stored entity (an edge to an unrecorded entity) is left out.
        var nodes = ids.Select((id, position) => entities.TryGetValue(id, out var entity) ? new LineageNode(entity, position) : null)
            .OfType<LineageNode>().ToList();
        return new LineageGraph(nodes, edges);
    }
}
