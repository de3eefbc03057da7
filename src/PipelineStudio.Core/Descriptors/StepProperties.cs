using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>
/// What <c>{"Get": "Steps.X.&lt;path&gt;"}</c> may read from a step, per step type (reference §3).
/// Types without a schema here (Bedrock*, Lineage, InferenceComponent, EMRServerless, unknown) accept any path.
/// </summary>
public static class StepProperties
{
    private const string PropertyFilesMember = "PropertyFiles";

    // Paths come from user documents; long segments are cut in messages and skipped for suggestions.
    private const int MaxShownLength = 80;

    /// <summary>
    /// Checks the path that follows <c>Steps.&lt;Name&gt;.</c> against the referenced step's type.
    /// Null when valid or not checkable; otherwise a short message naming the bad segment.
    /// <c>PropertyFiles.F</c> is left to the validator.
    /// </summary>
    public static string? Check(StepDefinition referencedStep, string propertyPath)
    {
        var schema = StepPropertySchemas.For(referencedStep.Type);
        if (schema is null)
        {
            return null;
        }

        var segments = PropertyPath.Parse(propertyPath);
        if (segments is null)
        {
            return $"'{Clip(propertyPath)}' is not a well-formed property path.";
        }

        if (segments.Count == 0 || segments[0] is { Kind: SegmentKind.Member, Value: PropertyFilesMember })
        {
            return null;
        }

        PropertyNode node = schema.Root;
        var schemaPath = "";
        var shown = "";
        foreach (var segment in segments)
        {
            switch (node)
            {
                case OpenNode:
                    return null;
                case LeafNode:
                    return $"'{Clip(shown)}' is a value and has no {Describe(segment)}.";
                case ObjectNode obj:
                    if (segment.Kind != SegmentKind.Member)
                    {
                        return shown.Length == 0
                            ? $"{referencedStep.Type} step properties are selected by name, not by {Format(segment)}."
                            : $"'{Clip(shown)}' is an object; select one of its properties by name, not by {Format(segment)}.";
                    }

                    if (!obj.Members.TryGetValue(segment.Value, out var child))
                    {
                        return UnknownMember(referencedStep, obj, shown, segment.Value);
                    }

                    node = child;
                    schemaPath = schemaPath.Length == 0 ? segment.Value : schemaPath + "." + segment.Value;
                    break;
                case ListNode list:
                    if (segment.Kind == SegmentKind.Member)
                    {
                        var how = list.KeyMember is null ? "[0]" : $"[0] or by {list.KeyMember} (['name'])";
                        return $"'{Clip(shown)}' is a list; pick an item with {how} before '.{Clip(segment.Value)}'.";
                    }

                    if (segment.Kind == SegmentKind.Key && list.KeyMember is null)
                    {
                        return $"'{Clip(shown)}' is a list of unnamed items; index it by position, e.g. [0], not {Format(segment)}.";
                    }

                    if (segment.Kind == SegmentKind.Key && UnknownName(referencedStep, schema, schemaPath, segment.Value) is { } badName)
                    {
                        return badName;
                    }

                    node = list.Item;
                    break;
                case MapNode map:
                    if (segment.Kind != SegmentKind.Key)
                    {
                        return $"'{Clip(shown)}' is a map; select an entry by key, e.g. {Clip(shown)}['name'], not {Format(segment)}.";
                    }

                    if (UnknownName(referencedStep, schema, schemaPath, segment.Value) is { } badKey)
                    {
                        return badKey;
                    }

                    node = map.Value;
                    break;
            }

            shown += shown.Length == 0 && segment.Kind == SegmentKind.Member ? segment.Value : Format(segment);
        }

        return null;
    }

    /// <summary>
    /// The valid leaf paths of a step for an expression picker, concrete where the step names its
    /// items (outputs, channels, metrics, output parameters, literal map keys). Lists of unnamed
    /// items appear as <c>[0]</c> only where that is useful (e.g. TrainingJobSummaries); open
    /// structures are left out. Empty for types without a schema.
    /// </summary>
    public static IReadOnlyList<string> ListPaths(StepDefinition step)
    {
        var schema = StepPropertySchemas.For(step.Type);
        var paths = new List<string>();
        if (schema is null)
        {
            return paths;
        }

        var pending = new Stack<(PropertyNode Node, string Path, string SchemaPath)>();
        pending.Push((schema.Root, "", ""));
        while (pending.Count > 0)
        {
            var (node, path, schemaPath) = pending.Pop();
            switch (node)
            {
                case LeafNode:
                    paths.Add(path);
                    break;
                case ObjectNode obj:
                    foreach (var (name, child) in obj.Members.Reverse())
                    {
                        if (obj.Unlisted.Contains(name))
                        {
                            continue;
                        }

                        pending.Push((child, path.Length == 0 ? name : $"{path}.{name}", schemaPath.Length == 0 ? name : $"{schemaPath}.{name}"));
                    }

                    break;
                case ListNode list:
                    var itemNames = list.KeyMember is null ? null : DeclaredNames(step, schema, schemaPath);
                    if (itemNames is not null)
                    {
                        PushKeyed(pending, list.Item, path, schemaPath, itemNames);
                    }
                    else if (list.ListFirstItem)
                    {
                        pending.Push((list.Item, path + "[0]", schemaPath));
                    }

                    break;
                case MapNode map:
                    if (DeclaredNames(step, schema, schemaPath) is { } keys)
                    {
                        PushKeyed(pending, map.Value, path, schemaPath, keys);
                    }

                    break;
            }
        }

        return paths;
    }

    private static void PushKeyed(Stack<(PropertyNode, string, string)> pending, PropertyNode item, string path, string schemaPath, IReadOnlyList<string> names)
    {
        for (var i = names.Count - 1; i >= 0; i--)
        {
            pending.Push((item, path + Quote(names[i]), schemaPath));
        }
    }

    private static IReadOnlyList<string>? DeclaredNames(StepDefinition step, StepPropertySchema schema, string schemaPath) =>
        schema.Named.TryGetValue(schemaPath, out var named) ? named.Names(step)?.Distinct(StringComparer.Ordinal).ToList() : null;

    private static string? UnknownName(StepDefinition step, StepPropertySchema schema, string schemaPath, string name)
    {
        if (!schema.Named.TryGetValue(schemaPath, out var named) || !named.Enforced || named.Names(step) is not { } names || names.Contains(name))
        {
            return null;
        }

        var which = $"{step.Type} step '{step.Name}' has no {named.Noun} named '{Clip(name)}'";
        return names.Count == 0 ? $"{which}; it declares none." : $"{which}; it has: {string.Join(", ", names)}.";
    }

    private static string UnknownMember(StepDefinition step, ObjectNode obj, string shown, string member)
    {
        if (obj.Members.Count == 0)
        {
            return $"{step.Type} steps have no properties.";
        }

        var problem = shown.Length == 0 ? $"{step.Type} steps have no property '{Clip(member)}'" : $"'{Clip(shown)}' has no property '{Clip(member)}'";
        return Suggestion(obj.Members.Keys, member) is { } suggestion ? $"{problem}; did you mean '{suggestion}'?" : problem + ".";
    }

    /// <summary>The member the user most likely meant: same letters ignoring case, or at most two edits away.</summary>
    private static string? Suggestion(IEnumerable<string> members, string typed)
    {
        string? best = null;
        if (typed.Length > MaxShownLength)
        {
            return null;
        }

        var bestDistance = Math.Min(2, typed.Length / 3);
        foreach (var member in members)
        {
            if (string.Equals(member, typed, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }

            var distance = EditDistance(member, typed);
            if (distance <= bestDistance)
            {
                (best, bestDistance) = (member, distance - 1);
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Describe(PathSegment segment) => segment.Kind switch
    {
        SegmentKind.Member => $"property '{Clip(segment.Value)}'",
        _ => $"item {Format(segment)}",
    };

    private static string Format(PathSegment segment) => segment.Kind switch
    {
        SegmentKind.Member => "." + segment.Value,
        SegmentKind.Index => $"[{Clip(segment.Value)}]",
        _ => Quote(Clip(segment.Value)),
    };

    private static string Clip(string text) => text.Length <= MaxShownLength ? text : text[..MaxShownLength] + "...";

    private static string Quote(string key) => key.Contains('\'', StringComparison.Ordinal) ? $"[\"{key}\"]" : $"['{key}']";
}
