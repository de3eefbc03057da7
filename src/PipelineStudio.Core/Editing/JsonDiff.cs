using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Descriptors;

namespace PipelineStudio.Core.Editing;

/// <summary>
/// The field-level comparison behind <see cref="PipelineDiff"/>. Iterative, so deep documents cannot
/// overflow the stack. Values are copied into the changes, which therefore never share nodes with the inputs.
/// </summary>
internal static class JsonDiff
{
    /// <summary>Members that name the items of a list in SageMaker shapes, tried in this order.</summary>
    private static readonly string[] ItemKeys = ["Name", "OutputName", "InputName", "ChannelName", "PropertyFileName", "VariantName", "MetricName"];

    public static void Compare(JsonNode? oldRoot, JsonNode? newRoot, string rootPath, List<FieldChange> changes)
    {
        var pending = new Stack<(JsonNode? Old, JsonNode? New, string Path)>();
        pending.Push((oldRoot, newRoot, rootPath));
        var found = new List<FieldChange>();
        while (pending.Count > 0)
        {
            var (oldNode, newNode, path) = pending.Pop();
            if (JsonNode.DeepEquals(oldNode, newNode))
            {
                continue;
            }

            if (oldNode is JsonObject oldObject && newNode is JsonObject newObject && !FieldValues.IsExpression(oldObject) && !FieldValues.IsExpression(newObject))
            {
                var children = new List<(JsonNode?, JsonNode?, string)>();
                foreach (var (key, value) in oldObject)
                {
                    children.Add((value, newObject.TryGetPropertyValue(key, out var other) ? other : null, Member(path, key)));
                }

                foreach (var (key, value) in newObject)
                {
                    if (!oldObject.ContainsKey(key))
                    {
                        children.Add((null, value, Member(path, key)));
                    }
                }

                PushReversed(pending, children);
            }
            else if (oldNode is JsonArray oldArray && newNode is JsonArray newArray && Pair(oldArray, newArray, path) is { } pairs)
            {
                PushReversed(pending, pairs);
            }
            else
            {
                found.Add(new FieldChange(path.Length == 0 ? "$" : path, oldNode?.DeepClone(), newNode?.DeepClone()));
            }
        }

        changes.AddRange(found);
    }

    /// <summary>Items matched by a naming member when every item has a unique one, else by position when the lengths agree, else null (whole list changed).</summary>
    private static List<(JsonNode?, JsonNode?, string)>? Pair(JsonArray oldArray, JsonArray newArray, string path)
    {
        foreach (var key in ItemKeys)
        {
            var oldItems = Named(oldArray, key);
            var newItems = Named(newArray, key);
            if (oldItems is null || newItems is null)
            {
                continue;
            }

            var pairs = new List<(JsonNode?, JsonNode?, string)>();
            foreach (var (name, item) in oldItems)
            {
                pairs.Add((item, newItems.GetValueOrDefault(name), $"{path}[{Quote(name)}]"));
            }

            pairs.AddRange(newItems.Where(p => !oldItems.ContainsKey(p.Key)).Select(p => ((JsonNode?)null, (JsonNode?)p.Value, $"{path}[{Quote(p.Key)}]")));
            return pairs;
        }

        return oldArray.Count == newArray.Count
            ? oldArray.Select((item, i) => (item, newArray[i], $"{path}[{i}]")).ToList()
            : null;
    }

    private static Dictionary<string, JsonNode>? Named(JsonArray array, string key)
    {
        if (array.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonObject obj || obj[key] is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !result.TryAdd(v.GetValue<string>(), obj))
            {
                return null;
            }
        }

        return result;
    }

    private static void PushReversed(Stack<(JsonNode?, JsonNode?, string)> pending, List<(JsonNode?, JsonNode?, string)> children)
    {
        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
        }
    }

    private static string Member(string path, string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ':');
        return plain ? (path.Length == 0 ? key : $"{path}.{key}") : $"{path}[{Quote(key)}]";
    }

    private static string Quote(string name) => "'" + name.Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
