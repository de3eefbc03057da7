using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model;

/// <summary>The diagram models for one definition, ready to add to a diagram.</summary>
public sealed record PipelineDiagramModel(IReadOnlyList<StepNodeModel> Nodes, IReadOnlyList<StepLinkModel> Links)
{
    public StepNodeModel? FindNode(string stepName) => Nodes.FirstOrDefault(n => n.StepName == stepName);
}

/// <summary>
/// Maps a definition to Blazor.Diagrams models: one node per named step (branch steps included),
/// one link per graph edge, positioned by Core's layered layout. Diagram types stop here; Core
/// never sees them.
/// </summary>
public static class PipelineDiagramMapper
{
    /// <summary>Layout spacing for the node size the widget draws; room between layers for the if/else labels.</summary>
    public static LayoutOptions Layout { get; } = new(StepNodeModel.Width, StepNodeModel.Height, LayerGap: 90, NodeGap: 32);

    public static PipelineDiagramModel Map(PipelineDefinition definition, IReadOnlyList<ValidationIssue> issues)
    {
        var graph = PipelineGraph.Build(definition);
        var positions = LayeredLayout.Compute(graph, Layout);
        var nodes = new Dictionary<string, StepNodeModel>(StringComparer.Ordinal);
        foreach (var step in definition.AllSteps)
        {
            // Unnamed and duplicate steps are validation errors; the graph shows the first of each name.
            if (step.Name is null || nodes.ContainsKey(step.Name))
            {
                continue;
            }

            var position = positions.TryGetValue(step.Name, out var p) ? new Point(p.X, p.Y) : new Point(0, 0);
            var stepIssues = issues.Where(i => i.StepName == step.Name).ToList();
            nodes[step.Name] = new StepNodeModel(step.Name, step.Type, step.Label, position)
            {
                ErrorCount = stepIssues.Count(i => i.Severity == IssueSeverity.Error),
                WarningCount = stepIssues.Count(i => i.Severity != IssueSeverity.Error),
            };
        }

        var links = new List<StepLinkModel>();
        foreach (var edge in graph.Edges)
        {
            if (nodes.TryGetValue(edge.From, out var from) && nodes.TryGetValue(edge.To, out var to) && from != to)
            {
                var link = new StepLinkModel(from, to, edge.Kind);
                if (link.BranchLabel is { } label)
                {
                    link.Labels.Add(new LinkLabelModel(link, label));
                }

                links.Add(link);
            }
        }

        return new PipelineDiagramModel([.. nodes.Values], links);
    }

    /// <summary>Replaces whatever the diagram shows with <paramref name="model"/>, in one refresh.</summary>
    public static void Populate(Diagram diagram, PipelineDiagramModel model) =>
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            diagram.Nodes.Add(model.Nodes);
            diagram.Links.Add(model.Links);
        });
}
