using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// Turns the loaded graph and the view state into what is drawn: hidden types dropped (the root always stays),
/// artifacts collapsed per step run when asked, and everything placed by Core's layered layout, left to right along
/// the data flow so upstream is on the left.
/// </summary>
public static class LineageViewBuilder
{
    public static LayoutOptions Layout { get; } = new(LineageView.NodeWidth, LineageView.NodeHeight, LayerGap: 80, NodeGap: 22);

    public static LineageView Build(LineageGraphData data, string rootId, LineageViewState state)
    {
        var types = data.Nodes.Select(n => n.Entity.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shown = data.Nodes.Where(n => n.Entity.Id == rootId || state.Shows(n.Entity.Type))
            .OrderBy(n => n.Depth).ThenBy(n => n.Entity.Kind).ThenBy(n => n.Entity.Name, StringComparer.Ordinal).ThenBy(n => n.Entity.Id, StringComparer.Ordinal)
            .ToList();
        var shownIds = shown.Select(n => n.Entity.Id).ToHashSet(StringComparer.Ordinal);
        var edges = data.Edges.Where(e => shownIds.Contains(e.SourceId) && shownIds.Contains(e.DestinationId)).ToList();

        var keep = new HashSet<string>(state.Selected, StringComparer.Ordinal) { rootId };
        var groups = state.GroupArtifacts ? LineageGrouping.Find(shown.Select(n => n.Entity), edges, keep) : new Dictionary<string, string>();
        var nodeOf = (string id) => groups.GetValueOrDefault(id, id);

        var viewEdges = edges.Select(e => new LineageViewEdge(nodeOf(e.SourceId), nodeOf(e.DestinationId), e.Type))
            .Where(e => e.From != e.To).DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var drafts = new List<(string Id, LineageEntity? Entity, List<LineageEntity> Members, int Depth)>();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in shown)
        {
            if (groups.TryGetValue(node.Entity.Id, out var groupId))
            {
                if (!groupIndex.TryGetValue(groupId, out var index))
                {
                    groupIndex[groupId] = index = drafts.Count;
                    drafts.Add((groupId, null, [], node.Depth));
                }

                drafts[index].Members.Add(node.Entity);
            }
            else
            {
                drafts.Add((node.Entity.Id, node.Entity, [], node.Depth));
            }
        }

        // DerivedFrom points from a model back to its data; turned around it runs with the flow like every other edge.
        var layoutEdges = viewEdges.Select(e => e.Type == AssociationTypes.DerivedFrom ? (e.To, e.From) : (e.From, e.To));
        var positions = LayeredLayout.Compute(PipelineGraph.FromEdges(drafts.Select(d => d.Id), layoutEdges), Layout);
        var nodes = drafts.Select(d => new LineageViewNode(d.Id, d.Entity, d.Members, d.Depth, positions[d.Id].X, positions[d.Id].Y)).ToList();
        return new LineageView(rootId, nodes, viewEdges, types, data.Truncated);
    }
}
