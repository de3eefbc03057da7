namespace PipelineStudio.Core.Descriptors;

/// <summary>One node of a step's property tree (the shape a <c>Get</c> path walks).</summary>
internal abstract class PropertyNode;

/// <summary>A value: nothing below it.</summary>
internal sealed class LeafNode : PropertyNode
{
    public static readonly LeafNode Instance = new();
}

/// <summary>A structure the studio does not model in detail: any path below it is accepted.</summary>
internal sealed class OpenNode : PropertyNode
{
    public static readonly OpenNode Instance = new();
}

internal sealed class ObjectNode(Dictionary<string, PropertyNode> members, HashSet<string> unlisted) : PropertyNode
{
    public IReadOnlyDictionary<string, PropertyNode> Members { get; } = members;

    /// <summary>Members that are valid but too rarely useful to offer in the expression picker.</summary>
    public IReadOnlySet<string> Unlisted { get; } = unlisted;
}

/// <summary>A string-keyed map, addressed as <c>['key']</c>.</summary>
internal sealed class MapNode(PropertyNode value) : PropertyNode
{
    public PropertyNode Value { get; } = value;
}

/// <summary>A list, addressed as <c>[n]</c>, and as <c>['name']</c> when its items are named by <see cref="KeyMember"/>.</summary>
internal sealed class ListNode(PropertyNode item, string? keyMember, bool listFirstItem) : PropertyNode
{
    public PropertyNode Item { get; } = item;

    public string? KeyMember { get; } = keyMember;

    /// <summary>Whether the expression picker offers <c>[0]</c> of this list (e.g. TrainingJobSummaries).</summary>
    public bool ListFirstItem { get; } = listFirstItem;
}

/// <summary>
/// Reads the compact schema notation used in <see cref="StepPropertySchemas"/>:
/// <c>Name</c> a leaf, <c>Name{A B}</c> an object, <c>Name{*}</c> a map of values, <c>Name{?}</c> an
/// open structure, <c>Name[]</c> a list of values, <c>Name[]{...}</c> a list of objects,
/// <c>Name[Key]{...}</c> a list whose items are named by member Key, and <c>Name[0]{...}</c> a list
/// whose first item the picker offers. A leading <c>~</c> keeps a member out of the picker.
/// Iterative; the input is our own constant text.
/// </summary>
internal static class PropertySchemaParser
{
    public static ObjectNode Parse(string text)
    {
        var root = new Dictionary<string, PropertyNode>(StringComparer.Ordinal);
        var rootUnlisted = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<(Dictionary<string, PropertyNode> Parent, HashSet<string> ParentUnlisted, string Name, string? ListMarker)>();
        var current = root;
        var unlisted = rootUnlisted;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '}')
            {
                var (parent, parentUnlisted, name, marker) = open.Pop();
                parent.Add(name, Wrap(new ObjectNode(current, unlisted), marker));
                current = parent;
                unlisted = parentUnlisted;
                i++;
                continue;
            }

            var hidden = c == '~';
            var start = hidden ? ++i : i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            if (i == start)
            {
                throw new FormatException($"Unexpected '{c}' at {i} in a property schema.");
            }

            var memberName = text[start..i];
            if (hidden)
            {
                unlisted.Add(memberName);
            }

            string? listMarker = null;
            if (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                listMarker = text[(i + 1)..close];
                i = close + 1;
            }

            if (i < text.Length && text[i] == '{')
            {
                if (text.AsSpan(i).StartsWith("{*}"))
                {
                    current.Add(memberName, Wrap(new MapNode(LeafNode.Instance), listMarker));
                    i += 3;
                }
                else if (text.AsSpan(i).StartsWith("{?}"))
                {
                    current.Add(memberName, Wrap(OpenNode.Instance, listMarker));
                    i += 3;
                }
                else
                {
                    open.Push((current, unlisted, memberName, listMarker));
                    current = new Dictionary<string, PropertyNode>(StringComparer.Ordinal);
                    unlisted = new HashSet<string>(StringComparer.Ordinal);
                    i++;
                }

                continue;
            }

            current.Add(memberName, Wrap(LeafNode.Instance, listMarker));
        }

        if (open.Count > 0)
        {
            throw new FormatException("Unclosed '{' in a property schema.");
        }

        return new ObjectNode(root, rootUnlisted);
    }

    private static PropertyNode Wrap(PropertyNode node, string? listMarker) => listMarker switch
    {
        null => node,
        "" => new ListNode(node, null, false),
        "0" => new ListNode(node, null, true),
        _ => new ListNode(node, listMarker, false),
    };
}
