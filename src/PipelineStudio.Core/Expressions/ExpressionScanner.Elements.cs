using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// The same scan over the parsed document's <see cref="JsonElement"/>s. Walking elements reads the parser's
/// buffer in place, where walking <see cref="JsonNode"/>s would first turn every value of every step into a
/// node object: on a 1 MiB definition that materialization was most of the cost of validation. For the same
/// reason property names are only turned into strings for the few nodes that are expressions.
/// </summary>
public static partial class ExpressionScanner
{
    /// <param name="skipBranches">Leave out <c>Arguments.IfSteps</c> and <c>Arguments.ElseSteps</c> of the root (a Condition step).</param>
    public static ExpressionScan Scan(JsonElement root, string rootPath, bool skipBranches = false)
    {
        var references = new List<ExpressionReference>();
        var functions = new List<FunctionUse>();
        var frames = new List<ElementFrame> { new(-1, default, -1) };
        var stack = new Stack<(JsonElement Element, int Frame)>();
        var children = new List<(JsonElement Value, ElementFrame Frame)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, frame) = stack.Pop();
            children.Clear();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var skipHere = skipBranches && frames[frame].Parent == 0 && frames[frame].Property.NameEquals("Arguments");
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!(skipHere && (property.NameEquals("IfSteps") || property.NameEquals("ElseSteps"))))
                        {
                            children.Add((property.Value, new ElementFrame(frame, property, -1)));
                        }
                    }

                    if (children.Count == 1 && IsExpression(children[0].Frame.Property, out var name))
                    {
                        var value = children[0].Value;
                        if (name == GetKey)
                        {
                            if (value.ValueKind == JsonValueKind.String)
                            {
                                references.Add(ExpressionReference.Parse(value.GetString()!, PathOf(frames, frame, rootPath)));
                                continue;
                            }
                        }
                        else
                        {
                            functions.Add(new FunctionUse(name, ToNode(value), PathOf(frames, frame, rootPath)));
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        children.Add((item, new ElementFrame(frame, default, index++)));
                    }

                    break;
                default:
                    continue;
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    frames.Add(children[i].Frame);
                    stack.Push((children[i].Value, frames.Count - 1));
                }
            }
        }

        return new ExpressionScan(references, functions);
    }

    private static bool IsExpression(JsonProperty property, out string name)
    {
        name = "";
        if (!property.NameEquals(GetKey) && !property.NameEquals("Std:Join") && !property.NameEquals("Std:JsonGet"))
        {
            // Rare: other Std: or PipelineStudio: functions; only now is the name worth a string.
            var candidate = property.Name;
            if (!IsFunctionName(candidate))
            {
                return false;
            }
        }

        name = property.Name;
        return true;
    }

    private static string PathOf(List<ElementFrame> frames, int frame, string rootPath)
    {
        var chain = new Stack<ElementFrame>();
        for (var f = frame; f > 0; f = frames[f].Parent)
        {
            chain.Push(frames[f]);
        }

        var path = new System.Text.StringBuilder(rootPath);
        foreach (var segment in chain)
        {
            path.Append(segment.Index >= 0 ? $"[{segment.Index}]" : Definitions.JsonRead.Member(segment.Property.Name));
        }

        return path.ToString();
    }

    /// <summary>A lazy node view of an element, for the few values (function arguments) callers inspect as nodes.</summary>
    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element),
    };

    /// <summary>A visited container: its parent frame, and the property (objects) or index (arrays) that led to it.</summary>
    private readonly record struct ElementFrame(int Parent, JsonProperty Property, int Index);
}
