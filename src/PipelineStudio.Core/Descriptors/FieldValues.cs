using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Descriptors;

/// <summary>Reads and writes a field's value inside a step object by its dotted <see cref="FieldDescriptor.Path"/>.</summary>
public static class FieldValues
{
    /// <summary>The node at the path, or null when any member on the way is missing or not an object.</summary>
    public static JsonNode? Get(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var member in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(member, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// Sets the value at the path, creating missing objects on the way; a null value removes the member
    /// (and objects left empty on the way, so clearing a field leaves no <c>{}</c> behind). A member on the
    /// way that holds something other than an object is replaced by an object. The value must not have a parent.
    /// </summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var members = path.Split('.');
        var chain = new List<JsonObject> { root };
        var current = root;
        for (var i = 0; i < members.Length - 1; i++)
        {
            if (current[members[i]] is not JsonObject next)
            {
                if (value is null)
                {
                    return;
                }

                next = new JsonObject();
                current[members[i]] = next;
            }

            chain.Add(next);
            current = next;
        }

        if (value is not null)
        {
            current[members[^1]] = value;
            return;
        }

        current.Remove(members[^1]);
        for (var i = chain.Count - 1; i > 0 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(members[i - 1]);
        }
    }

    /// <summary>Whether the node is an expression (<c>Get</c> or a function object) rather than a literal.</summary>
    public static bool IsExpression(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj && obj.First().Key is var key &&
        (key == ExpressionScanner.GetKey || key.StartsWith(ExpressionScanner.StdPrefix, StringComparison.Ordinal) ||
         key.StartsWith(ExpressionScanner.ExtensionPrefix, StringComparison.Ordinal));

    /// <summary>The text the panel shows for a literal: strings as they are, numbers and booleans in JSON form, JSON-encoded strings decoded.</summary>
    public static string LiteralText(JsonNode? node, bool jsonEncoded = false)
    {
        if (node is not JsonValue value)
        {
            return node is null ? "" : node.ToJsonString();
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return jsonEncoded ? DecodeJsonString(text) : text;
        }

        return value.ToJsonString();
    }

    /// <summary>
    /// The literal for typed text: keeps the previous value's JSON kind when the text still fits it (a number
    /// stays a number, a boolean a boolean), so editing a map value or operand never changes its type by accident.
    /// </summary>
    public static JsonNode LiteralFromText(string text, JsonNode? previous)
    {
        var kind = (previous as JsonValue)?.GetValueKind();
        if (kind == JsonValueKind.Number && TryNumber(text, out var number))
        {
            return number;
        }

        if (kind is JsonValueKind.True or JsonValueKind.False && bool.TryParse(text.Trim(), out var flag))
        {
            return JsonValue.Create(flag);
        }

        return JsonValue.Create(text);
    }

    /// <summary>
    /// The text of a <see cref="FieldKind.Value"/> literal: numbers and booleans as JSON, strings as they are
    /// unless they would read back as a number or boolean (or start with a quote), in which case they are quoted.
    /// </summary>
    public static string ValueText(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            return ValueFromText(text) is JsonValue parsed && parsed.GetValueKind() == JsonValueKind.String && parsed.GetValue<string>() == text
                ? text
                : EncodeJsonString(text);
        }

        return LiteralText(node);
    }

    /// <summary>
    /// A <see cref="FieldKind.Value"/> literal from text: a number when it reads as one, true/false as booleans,
    /// <c>"quoted"</c> text as the string inside the quotes, anything else as the string itself.
    /// </summary>
    public static JsonNode ValueFromText(string text)
    {
        var trimmed = text.Trim();
        if (TryNumber(trimmed, out var number))
        {
            return number;
        }

        if (trimmed is "true" or "false")
        {
            return JsonValue.Create(trimmed == "true");
        }

        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            var decoded = DecodeJsonString(trimmed);
            if (decoded != trimmed)
            {
                return JsonValue.Create(decoded);
            }
        }

        return JsonValue.Create(text);
    }

    /// <summary>Encodes a literal as the SDK writes script-mode hyperparameters: <c>train.py</c> becomes <c>"train.py"</c> (with the quotes).</summary>
    public static string EncodeJsonString(string text) => JsonSerializer.Serialize(text);

    /// <summary>The inverse of <see cref="EncodeJsonString"/>; text that is not a JSON string is shown as it is.</summary>
    public static string DecodeJsonString(string text)
    {
        if (text.Length < 2 || text[0] != '"')
        {
            return text;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(text) ?? text;
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>A JSON number for the text: integral values as integers, others as doubles. Culture-invariant.</summary>
    public static bool TryNumber(string text, out JsonNode number)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            number = JsonValue.Create(whole);
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            number = JsonValue.Create(real);
            return true;
        }

        number = null!;
        return false;
    }

    /// <summary>A name not yet used by the items' key member: <c>input</c>, then <c>input-2</c>, <c>input-3</c>...</summary>
    public static string UniqueItemName(JsonArray? items, string? keyMember, string stem)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (items is not null && keyMember is not null)
        {
            foreach (var item in items)
            {
                if (item is JsonObject obj && obj[keyMember] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    used.Add(v.GetValue<string>());
                }
            }
        }

        if (!used.Contains(stem))
        {
            return stem;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{stem}-{i}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
