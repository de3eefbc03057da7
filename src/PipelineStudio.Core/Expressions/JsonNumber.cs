using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// A JSON number, knowing whether it is an integer or a float the way Python's <c>json</c> module
/// (and so the SDK's local mode) would: <c>2</c> is an int, <c>2.0</c> and <c>2e0</c> are floats.
/// Typed values keep their CLR type (a Float parameter's <c>double</c> stays a float even when whole).
/// </summary>
internal readonly record struct JsonNumber(bool IsInteger, long Integer, double Float)
{
    public double AsDouble => IsInteger ? Integer : Float;

    public static JsonNumber OfInteger(long value) => new(true, value, value);

    public static JsonNumber OfFloat(double value) => new(false, 0, value);

    public static bool TryRead(JsonNode? node, out JsonNumber number)
    {
        number = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            var text = element.GetRawText();
            var looksIntegral = text.IndexOfAny(['.', 'e', 'E']) < 0;
            if (looksIntegral && element.TryGetInt64(out var whole))
            {
                number = OfInteger(whole);
                return true;
            }

            number = OfFloat(element.GetDouble());
            return true;
        }

        if (value.TryGetValue<long>(out var l))
        {
            number = OfInteger(l);
        }
        else if (value.TryGetValue<int>(out var i))
        {
            number = OfInteger(i);
        }
        else if (value.TryGetValue<short>(out var s))
        {
            number = OfInteger(s);
        }
        else if (value.TryGetValue<byte>(out var b))
        {
            number = OfInteger(b);
        }
        else if (value.TryGetValue<double>(out var d))
        {
            number = OfFloat(d);
        }
        else if (value.TryGetValue<float>(out var f))
        {
            number = OfFloat(f);
        }
        else if (value.TryGetValue<decimal>(out var m))
        {
            number = OfFloat((double)m);
        }
        else
        {
            // Some other CLR number (uint, ulong...): its JSON text decides.
            return TryRead(JsonNode.Parse(value.ToJsonString()), out number);
        }

        return true;
    }

    public JsonNode ToNode() => IsInteger ? JsonValue.Create(Integer) : JsonValue.Create(Float);

    public int CompareTo(JsonNumber other) =>
        IsInteger && other.IsInteger ? Integer.CompareTo(other.Integer) : AsDouble.CompareTo(other.AsDouble);

    /// <summary>Python's <c>str()</c>: integers as digits, floats as their shortest repr (<c>0.1</c>, <c>2.0</c>, <c>1e+16</c>).</summary>
    public override string ToString() =>
        IsInteger ? Integer.ToString(CultureInfo.InvariantCulture) : PythonFloat.Repr(Float);
}
