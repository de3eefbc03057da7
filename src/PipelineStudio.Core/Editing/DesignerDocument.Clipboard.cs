using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Core.Editing;

/// <summary>Copied steps: deep clones (a Condition with its branches) and where they were on the canvas.</summary>
public sealed record StepClipboard(IReadOnlyList<JsonObject> Steps, IReadOnlyDictionary<string, NodePosition> Positions)
{
    public bool IsEmpty => Steps.Count == 0;
}

/// <summary>Copy and paste.</summary>
public sealed partial class DesignerDocument
{
    /// <summary>Copies steps; a step inside a copied Condition's branch comes with it and is not copied twice.</summary>
    public StepClipboard Copy(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var steps = new List<JsonObject>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        foreach (var slot in StepTree.All(Root))
        {
            if (slot.Name is not { } name || !wanted.Contains(name) || covered.Contains(name))
            {
                continue;
            }

            foreach (var inner in StepTree.Subtree(slot))
            {
                if (inner.Name is { } innerName)
                {
                    covered.Add(innerName);
                    if (_positions.TryGetValue(innerName, out var position))
                    {
                        positions[innerName] = position;
                    }
                }
            }

            steps.Add((JsonObject)slot.Step.DeepClone());
        }

        return new StepClipboard(steps, positions);
    }

    /// <summary>
    /// Pastes copied steps at the top level under fresh names, shifted by <paramref name="offset"/> on the canvas.
    /// Links among the pasted steps follow the new names; DependsOn entries naming steps that no longer exist
    /// are dropped. Returns the new names of the pasted steps (branch steps included).
    /// </summary>
    public IReadOnlyList<string> Paste(StepClipboard clipboard, NodePosition offset)
    {
        ArgumentNullException.ThrowIfNull(clipboard);
        if (clipboard.IsEmpty)
        {
            return [];
        }

        var taken = new HashSet<string>(StepNames(), StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var clones = clipboard.Steps.Select(s => (JsonObject)s.DeepClone()).ToList();
        var probe = new JsonObject { ["Steps"] = new JsonArray([.. clones]) };
        foreach (var slot in StepTree.All(probe))
        {
            if (slot.Name is { } name && !renames.ContainsKey(name))
            {
                var fresh = Editing.StepNames.Unique(name, taken);
                taken.Add(fresh);
                renames[name] = fresh;
            }
        }

        StepReferences.Rename(probe, renames);
        foreach (var slot in StepTree.All(probe).ToList())
        {
            if (slot.Name is { } name && renames.TryGetValue(name, out var fresh))
            {
                slot.Step["Name"] = fresh;
            }
        }

        var pastedNames = renames.Values.ToHashSet(StringComparer.Ordinal);
        var existing = StepNames();
        var dangling = StepTree.All(probe)
            .SelectMany(s => JsonRead.StringArray(s.Step["DependsOn"]))
            .Where(d => !pastedNames.Contains(d) && !existing.Contains(d))
            .ToHashSet(StringComparer.Ordinal);
        StepReferences.RemoveDependsOn(probe, dangling);
        ((JsonArray)probe["Steps"]!).Clear();

        var label = clones.Count == 1 ? $"Paste {renames[JsonRead.String(clipboard.Steps[0], "Name") ?? ""]}" : $"Paste {renames.Count} steps";
        Apply(label, () =>
        {
            var steps = StepTree.ContainerFor(Root, StepLocation.TopLevel);
            foreach (var clone in clones)
            {
                steps.Add(clone);
            }

            foreach (var (oldName, newName) in renames)
            {
                if (clipboard.Positions.TryGetValue(oldName, out var p))
                {
                    _positions[newName] = new NodePosition(p.X + offset.X, p.Y + offset.Y);
                }
            }

            return true;
        });
        return [.. renames.Values];
    }
}
