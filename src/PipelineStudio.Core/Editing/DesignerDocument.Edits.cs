using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Core.Editing;

/// <summary>The edits; each is one undoable change and throws <see cref="InvalidEditException"/> when it cannot apply.</summary>
public sealed partial class DesignerDocument
{
    /// <summary>Adds a step (top level or into a Condition branch), optionally at a canvas position. Returns its name.</summary>
    public string AddStep(JsonObject step, StepLocation location, NodePosition? position = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        var name = JsonRead.String(step, "Name") ?? throw new InvalidEditException("A new step needs a Name.");
        RequireNewName(name);
        Apply($"Add step {name}", () =>
        {
            StepTree.ContainerFor(Root, location).Add(step);
            if (position is { } p)
            {
                _positions[name] = p;
            }

            return true;
        });
        return name;
    }

    /// <summary>
    /// Deletes steps (a Condition with everything in its branches) and the DependsOn entries that named them.
    /// References (<c>Get Steps.X...</c>) to them stay, so validation shows what still needs them.
    /// </summary>
    public bool RemoveSteps(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var label = names.Count == 1 ? $"Delete step {names.First()}" : $"Delete {names.Count} steps";
        return Apply(label, () =>
        {
            var removed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                if (removed.Contains(name) || StepTree.Find(Root, name) is not { } slot)
                {
                    continue;
                }

                foreach (var inner in StepTree.Subtree(slot).ToList())
                {
                    if (inner.Name is { } innerName)
                    {
                        removed.Add(innerName);
                    }
                }

                slot.Container.Remove(slot.Step);
            }

            if (removed.Count == 0)
            {
                return false;
            }

            StepReferences.RemoveDependsOn(Root, removed);
            foreach (var name in removed)
            {
                _positions.Remove(name);
            }

            return true;
        });
    }

    /// <summary>Moves a step (with its own branches) to the top level or into a Condition's branch.</summary>
    public bool MoveStep(string name, StepLocation target)
    {
        var slot = RequireStep(name);
        if (slot.Location == target)
        {
            return false;
        }

        if (target.Condition is { } condition && StepTree.Subtree(slot).Any(s => s.Name == condition))
        {
            throw new InvalidEditException($"'{name}' cannot go into {target}: a step cannot sit inside its own branch.");
        }

        return Apply($"Move {name} to {target}", () =>
        {
            var destination = StepTree.ContainerFor(Root, target);
            slot.Container.Remove(slot.Step);
            destination.Add(slot.Step);

            // A branch step already waits for its condition; saying so again in DependsOn is noise.
            if (target.Condition is { } parent && slot.Step["DependsOn"] is JsonArray dependsOn)
            {
                RemoveEntry(slot.Step, dependsOn, parent);
            }

            return true;
        });
    }

    /// <summary>Makes <paramref name="to"/> wait for <paramref name="from"/> (adds to its DependsOn). False when it already does.</summary>
    public bool AddDependency(string from, string to)
    {
        RequireStep(from);
        var target = RequireStep(to);
        if (from == to)
        {
            throw new InvalidEditException($"'{from}' cannot depend on itself.");
        }

        if (JsonRead.StringArray(target.Step["DependsOn"]).Contains(from))
        {
            return false;
        }

        if (PipelineGraph.Build(Definition).Upstream(from).Contains(to))
        {
            throw new InvalidEditException($"'{to}' cannot wait for '{from}': '{from}' already waits for '{to}', so the link would make a cycle.");
        }

        return Apply($"Link {from} → {to}", () =>
        {
            if (target.Step["DependsOn"] is not JsonArray dependsOn)
            {
                dependsOn = [];
                target.Step["DependsOn"] = dependsOn;
            }

            dependsOn.Add(from);
            return true;
        });
    }

    /// <summary>Removes <paramref name="from"/> from the DependsOn of <paramref name="to"/>. False when it was not there.</summary>
    public bool RemoveDependency(string from, string to)
    {
        var target = RequireStep(to);
        if (target.Step["DependsOn"] is not JsonArray dependsOn || !JsonRead.StringArray(dependsOn).Contains(from))
        {
            return false;
        }

        return Apply($"Unlink {from} → {to}", () => RemoveEntry(target.Step, dependsOn, from));
    }

    /// <summary>
    /// Replaces a whole step object (what the property panel edits). A new Name renames the step: DependsOn
    /// entries and <c>Steps.Old...</c> references follow, and so does its canvas position.
    /// </summary>
    public bool ReplaceStep(string name, JsonObject step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var slot = RequireStep(name);
        var newName = JsonRead.String(step, "Name") ?? throw new InvalidEditException("A step needs a Name.");
        if (newName != name)
        {
            RequireNewName(newName);
        }

        if (JsonNode.DeepEquals(slot.Step, step))
        {
            return false;
        }

        return Apply(newName == name ? $"Edit {name}" : $"Rename {name} to {newName}", () =>
        {
            var index = slot.Container.IndexOf(slot.Step);
            slot.Container[index] = step;
            if (newName != name)
            {
                StepReferences.Rename(Root, name, newName);
                if (_positions.Remove(name, out var position))
                {
                    _positions[newName] = position;
                }
            }

            return true;
        });
    }

    /// <summary>Replaces the whole document (JSON view, parameters editor); positions stay for steps that keep their name.</summary>
    public bool ReplaceDefinition(JsonObject root, string label = "Edit definition")
    {
        ArgumentNullException.ThrowIfNull(root);
        if (JsonNode.DeepEquals(Root, root))
        {
            return false;
        }

        return Apply(label, () =>
        {
            Root = root;
            var names = StepNames();
            foreach (var gone in _positions.Keys.Where(k => !names.Contains(k)).ToList())
            {
                _positions.Remove(gone);
            }

            return true;
        });
    }

    /// <summary>Moves steps on the canvas (a drag, a nudge). One undo entry for all of them.</summary>
    public bool SetPositions(IReadOnlyDictionary<string, NodePosition> positions, string label = "Move steps")
    {
        ArgumentNullException.ThrowIfNull(positions);
        var changes = positions.Where(p => !_positions.TryGetValue(p.Key, out var old) || old != p.Value).ToList();
        if (changes.Count == 0)
        {
            return false;
        }

        return Apply(label, () =>
        {
            foreach (var (name, position) in changes)
            {
                _positions[name] = position;
            }

            return true;
        }, positionsOnly: true);
    }

    /// <summary>Places every step by the layered layout (left to right along the dependencies).</summary>
    public bool AutoLayout() =>
        SetPositions(LayeredLayout.Compute(PipelineGraph.Build(Definition), _layout), "Auto-layout");

    private StepSlot RequireStep(string name) =>
        StepTree.Find(Root, name) ?? throw new InvalidEditException($"There is no step named '{name}'.");

    private void RequireNewName(string name)
    {
        if (!PipelineNames.IsValidStepName(name))
        {
            throw new InvalidEditException($"'{name}' is not a valid step name: use {PipelineNames.EntityNameRule}.");
        }

        if (StepTree.Find(Root, name) is not null)
        {
            throw new InvalidEditException($"A step named '{name}' already exists; step names are unique across the pipeline, branches included.");
        }
    }

    private static bool RemoveEntry(JsonObject step, JsonArray dependsOn, string name)
    {
        var removed = false;
        for (var i = dependsOn.Count - 1; i >= 0; i--)
        {
            if (JsonRead.AsString(dependsOn[i]) == name)
            {
                dependsOn.RemoveAt(i);
                removed = true;
            }
        }

        if (dependsOn.Count == 0)
        {
            step.Remove("DependsOn");
        }

        return removed;
    }
}
