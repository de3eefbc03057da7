using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>Collapses the artifacts one step run produced into one "N artifacts" node, so a wide run reads as one box.</summary>
public static class LineageGrouping
{
    public const string GroupPrefix = "group-";

    /// <summary>
    /// Artifact id to group node id (<c>group-{action id}</c>) for every artifact an action Produced, when that action
    /// produced at least two groupable ones. Artifacts in <paramref name="keep"/> (root, selection) stay single.
    /// </summary>
    public static Dictionary<string, string> Find(IEnumerable<LineageEntity> entities, IEnumerable<LineageAssociation> edges, IReadOnlySet<string> keep)
    {
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var producedBy = edges
            .Where(e => e.Type == AssociationTypes.Produced && !keep.Contains(e.DestinationId)
                && byId.GetValueOrDefault(e.SourceId)?.Kind == LineageKind.Action && byId.GetValueOrDefault(e.DestinationId)?.Kind == LineageKind.Artifact)
            .GroupBy(e => e.DestinationId, StringComparer.Ordinal)

            // An artifact two runs produced (same content) belongs to neither group: collapsing it would hide a link.
            .Where(g => g.Count() == 1)
            .Select(g => g.First());
        return producedBy.GroupBy(e => e.SourceId, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .SelectMany(g => g.Select(e => (Artifact: e.DestinationId, Group: GroupPrefix + g.Key)))
            .ToDictionary(p => p.Artifact, p => p.Group, StringComparer.Ordinal);
    }
}
