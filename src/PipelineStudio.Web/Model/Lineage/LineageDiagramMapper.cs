using Blazor.Diagrams.Core;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>The diagram models for one lineage view: a node model per drawn node, and one layer drawing every edge.</summary>
public sealed record LineageDiagramModel(IReadOnlyList<LineageNodeModel> Nodes, LineageEdgeLayerModel Edges);

/// <summary>Maps a <see cref="LineageView"/> to Blazor.Diagrams models and marks root, selection and path on them.</summary>
public static class LineageDiagramMapper
{
    public static LineageDiagramModel Map(LineageView view)
    {
        return new LineageDiagramModel([.. view.Nodes.Select(n => new LineageNodeModel(n))], new LineageEdgeLayerModel(view));
    }

    /// <summary>
    /// Sets root, selection, expansion and path flags; returns the models whose look changed, which are the only ones the
    /// caller needs to refresh (a click on a 2,000-node graph redraws a handful of nodes and the edge layer's path, not all of them).
    /// </summary>
    public static IReadOnlyList<Blazor.Diagrams.Core.Models.Base.Model> Mark(
        LineageDiagramModel model, LineageView view, LineageViewState state, LineagePath path)
    {
        var selected = state.Selected.Select(view.NodeIdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var changed = new List<Blazor.Diagrams.Core.Models.Base.Model>();
        foreach (var node in model.Nodes)
        {
            if (node.Mark(node.Id == view.RootId, selected.Contains(node.Id), path.NodeIds.Contains(node.Id), state.Expanded.Contains(node.Id)))
            {
                changed.Add(node);
            }
        }

        if (model.Edges.Mark(path))
        {
            changed.Add(model.Edges);
        }

        return changed;
    }

    /// <summary>Replaces whatever the diagram shows with <paramref name="model"/>, in one refresh.</summary>
    public static void Populate(Diagram diagram, LineageDiagramModel model) =>
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            diagram.Nodes.Add(model.Edges);
            diagram.Nodes.Add(model.Nodes);
        });
}
