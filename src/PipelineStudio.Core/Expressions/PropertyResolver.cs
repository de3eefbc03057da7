using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Follows a property path over a step's properties, which are shaped like SageMaker's Describe*
/// responses. <c>.Member</c> reads an object member, <c>[n]</c> a list item, and <c>['k']</c> either a
/// map key (<c>HyperParameters['lr']</c>) or, on a list of named items, the item whose name is k
/// (<c>ProcessingOutputConfig.Outputs['train']</c> by OutputName, <c>FinalMetricDataList['val:auc']</c>
/// by MetricName).
/// </summary>
public static class PropertyResolver
{
    /// <summary>The members that name an item of a list, in the order they are tried.</summary>
    public static IReadOnlyList<string> NameMembers { get; } = ["OutputName", "InputName", "MetricName", "ChannelName", "Name"];

    /// <summary>
    /// Returns the node the path points at, inside <paramref name="properties"/> (not a copy); a
    /// present JSON null comes back as null.
    /// </summary>
    /// <exception cref="ExpressionException">The path is malformed or a segment is missing; the message names it.</exception>
    public static JsonNode? Resolve(JsonNode? properties, string propertyPath, string jsonPath = "") =>
        Resolve(properties, propertyPath, namedItems: true, source: null, jsonPath);

    /// <summary>
    /// The shared walk. <paramref name="namedItems"/> is off for Std:JsonGet, where <c>['k']</c> only
    /// reads object members; <paramref name="source"/>, when given, names what is read in messages.
    /// </summary>
    internal static JsonNode? Resolve(JsonNode? root, string path, bool namedItems, string? source, string jsonPath)
    {
        var segments = PropertyPath.Parse(path);
        if (segments is null || segments.Count == 0)
        {
            throw new ExpressionException(jsonPath, $"'{path}' is not a valid path: use .Member, [0] and ['key'], e.g. a.b[0]['c'].");
        }

        if (root is null)
        {
            throw new ExpressionException(jsonPath, $"Cannot read '{path}'{From(source)}: there is nothing to read.");
        }

        var current = root;
        var walked = new StringBuilder();
        foreach (var segment in segments)
        {
            var here = walked.Length == 0 ? "the top level" : $"'{walked}'";
            current = Step(current, segment, namedItems, here, (path, source), jsonPath);
            Append(walked, segment);
        }

        return current;
    }

    private static string From(string? source) => source is null ? "" : " from " + source;

    private static JsonNode? Step(JsonNode? node, PathSegment segment, bool namedItems, string here, (string Path, string? Source) read, string jsonPath)
    {
        string Missing(string what) => $"Cannot read '{read.Path}'{From(read.Source)}: {what}";

        switch (node, segment.Kind)
        {
            case (null, _):
                throw new ExpressionException(jsonPath, Missing($"{here} is null."));
            case (JsonObject obj, SegmentKind.Member or SegmentKind.Key):
                if (obj.TryGetPropertyValue(segment.Value, out var member))
                {
                    return member;
                }

                throw new ExpressionException(jsonPath, Missing($"{here} has no '{segment.Value}'{Listing(obj.Select(p => p.Key))}."));
            case (JsonArray array, SegmentKind.Index):
                var index = int.Parse(segment.Value, CultureInfo.InvariantCulture);
                if (index < array.Count)
                {
                    return array[index];
                }

                throw new ExpressionException(jsonPath, Missing($"{here} has {array.Count} item(s), so [{index}] is out of range."));
            case (JsonArray array, SegmentKind.Key) when namedItems:
                foreach (var item in array)
                {
                    if (item is JsonObject named && NameOf(named) == segment.Value)
                    {
                        return named;
                    }
                }

                var names = array.OfType<JsonObject>().Select(NameOf).OfType<string>();
                throw new ExpressionException(jsonPath, Missing($"{here} has no item named '{segment.Value}'{Listing(names)}."));
            default:
                var access = segment.Kind switch
                {
                    SegmentKind.Member => $"'.{segment.Value}'",
                    SegmentKind.Index => $"'[{segment.Value}]'",
                    _ => $"\"['{segment.Value}']\"",
                };
                throw new ExpressionException(jsonPath, Missing($"{here} is {ValueText.Describe(node)}, which has no {access}."));
        }
    }

    private static string? NameOf(JsonObject item)
    {
        foreach (var member in NameMembers)
        {
            if (item[member] is JsonValue value && value.TryGetValue<string>(out var name))
            {
                return name;
            }
        }

        return null;
    }

    private static string Listing(IEnumerable<string> names)
    {
        var list = names.Take(11).ToList();
        return list.Count == 0 ? "" : $" (it has: {string.Join(", ", list.Take(10))}{(list.Count > 10 ? ", ..." : "")})";
    }

    private static void Append(StringBuilder walked, PathSegment segment)
    {
        switch (segment.Kind)
        {
            case SegmentKind.Member:
                if (walked.Length > 0)
                {
                    walked.Append('.');
                }

                walked.Append(segment.Value);
                break;
            case SegmentKind.Index:
                walked.Append('[').Append(segment.Value).Append(']');
                break;
            default:
                walked.Append("['").Append(segment.Value).Append("']");
                break;
        }
    }
}
