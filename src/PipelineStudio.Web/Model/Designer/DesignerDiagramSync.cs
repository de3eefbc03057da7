using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Geometry;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Web.Model.Designer;

/// <summary>
/// Brings a diagram in line with a document: nodes and links are matched by step name and edge key, so only
/// what an edit changed is added, removed or redrawn. Rebuilding everything on each edit would re-measure
/// every node and port, which is what makes large canvases slow.
/// </summary>
public static class DesignerDiagramSync
{
    /// <summary>
    /// After a move (the definition unchanged): only places the nodes. A drag has usually put them there already,
    /// so this is one comparison per node instead of rebuilding the graph and re-describing every node.
    /// </summary>
    public static void ApplyPositions(Diagram diagram, DesignerDocument document)
    {
        foreach (var node in diagram.Nodes.OfType<DesignerNodeModel>())
        {
            if (document.Positions.TryGetValue(node.StepName, out var p) && (node.Position.X != p.X || node.Position.Y != p.Y))
            {
                node.SetPosition(p.X, p.Y);
            }
        }
    }

    public static void Apply(Diagram diagram, DesignerDocument document, IReadOnlyList<ValidationIssue> issues)
    {
        var definition = document.Definition;
        var graph = PipelineGraph.Build(definition);
        var issuesByStep = issues.Where(i => i.StepName is not null).ToLookup(i => i.StepName!, StringComparer.Ordinal);
        var existing = diagram.Nodes.OfType<DesignerNodeModel>().ToDictionary(n => n.StepName, StringComparer.Ordinal);
        var wanted = new Dictionary<string, StepDefinition>(StringComparer.Ordinal);
        foreach (var step in definition.AllSteps)
        {
            if (step.Name is { } name)
            {
                wanted.TryAdd(name, step);
            }
        }

        diagram.Batch(() =>
        {
            // Links first: removing a node with links attached would leave them dangling for a render.
            var wantedLinks = graph.Edges
                .Where(e => e.From != e.To && wanted.ContainsKey(e.From) && wanted.ContainsKey(e.To))
                .ToDictionary(e => DesignerLinkModel.KeyOf(e.From, e.To, e.Kind));
            foreach (var link in diagram.Links.OfType<DesignerLinkModel>().ToList())
            {
                var keep = !link.IsDraft && wantedLinks.ContainsKey(link.Id)
                    && existing.TryGetValue(link.SourceStep, out var s) && s.StepType == wanted[link.SourceStep].Type
                    && existing.TryGetValue(link.TargetStep!, out var t) && t.StepType == wanted[link.TargetStep!].Type;
                if (!keep)
                {
                    diagram.Links.Remove(link);
                }
            }

            foreach (var (name, node) in existing)
            {
                if (!wanted.TryGetValue(name, out var step) || step.Type != node.StepType)
                {
                    diagram.Nodes.Remove(node);
                    existing.Remove(name);
                }
            }

            foreach (var (name, step) in wanted)
            {
                var position = document.Positions.TryGetValue(name, out var p) ? new Point(p.X, p.Y) : new Point(0, 0);
                if (!existing.TryGetValue(name, out var node))
                {
                    node = new DesignerNodeModel(name, step.Type, position);
                    Describe(node, step, issuesByStep[name]);
                    diagram.Nodes.Add(node);
                    existing[name] = node;
                    continue;
                }

                var moved = node.Position.X != position.X || node.Position.Y != position.Y;
                if (moved)
                {
                    node.SetPosition(position.X, position.Y);
                }

                if (Describe(node, step, issuesByStep[name]) && !moved)
                {
                    node.Refresh();
                }
            }

            var present = diagram.Links.OfType<DesignerLinkModel>().Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, edge) in wantedLinks)
            {
                if (!present.Contains(key))
                {
                    diagram.Links.Add(new DesignerLinkModel(existing[edge.From], existing[edge.To], edge.Kind));
                }
            }
        });
    }

    /// <summary>Updates what the node shows; true when anything changed.</summary>
    private static bool Describe(DesignerNodeModel node, StepDefinition step, IEnumerable<ValidationIssue> issues)
    {
        var list = issues.ToList();
        var label = step.Label;
        var branchNote = step.Parent is { Name: { } parent } ? $"{(step.Branch == ConditionBranch.Else ? "else" : "if")} of {parent}" : null;
        var errors = list.Count(i => i.IsError);
        var warnings = list.Count - errors;
        var first = list.FirstOrDefault()?.Message;
        if (node.Label == label && node.BranchNote == branchNote && node.ErrorCount == errors && node.WarningCount == warnings && node.FirstIssue == first)
        {
            return false;
        }

        node.Label = label;
        node.BranchNote = branchNote;
        node.ErrorCount = errors;
        node.WarningCount = warnings;
        node.FirstIssue = first;
        return true;
    }
}
