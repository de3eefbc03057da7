using System.Globalization;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// The <c>PipelineStudio:</c> functions (docs/extensions.md). They run only in the studio's local
/// engine; SageMaker does not know them, which is why exporting a definition that uses them is flagged.
/// </summary>
internal sealed partial class Evaluation
{
    public const string Add = "PipelineStudio:Add";
    public const string Subtract = "PipelineStudio:Subtract";
    public const string Multiply = "PipelineStudio:Multiply";
    public const string Divide = "PipelineStudio:Divide";
    public const string Format = "PipelineStudio:Format";
    public const string ToNumber = "PipelineStudio:ToNumber";
    public const string ToText = "PipelineStudio:ToString";

    private ValueTask<JsonNode?> ExtensionAsync(string name, JsonNode? arguments, string path, int depth) => name switch
    {
        Add or Subtract or Multiply or Divide => ArithmeticAsync(name, arguments, path, depth),
        Format => FormatAsync(arguments, path, depth),
        ToNumber => ToNumberAsync(arguments, path, depth),
        ToText => ToTextAsync(arguments, path, depth),
        _ => throw new ExpressionException(path,
            $"Unknown function '{name}'; PipelineStudio provides {string.Join(", ", ExtensionFunctions.Names)}."),
    };

    /// <summary><c>{"PipelineStudio:Add": [a, b, ...]}</c>, left to right. Integers stay integers except through Divide.</summary>
    private async ValueTask<JsonNode?> ArithmeticAsync(string name, JsonNode? arguments, string path, int depth)
    {
        var operands = await ListAsync(arguments, name, path, depth).ConfigureAwait(false);
        if (operands.Count < 2)
        {
            throw new ExpressionException(path, $"{name} needs a list of at least two numbers; it has {operands.Count}.");
        }

        var numbers = new JsonNumber[operands.Count];
        for (var i = 0; i < operands.Count; i++)
        {
            if (!JsonNumber.TryRead(operands[i], out numbers[i]))
            {
                throw new ExpressionException($"{path}[{i}]",
                    $"{name} works on numbers; this operand is {ValueText.Describe(operands[i])} (convert text with {ToNumber}).");
            }
        }

        var result = numbers[0];
        for (var i = 1; i < numbers.Length; i++)
        {
            result = Apply(name, result, numbers[i], $"{path}[{i}]");
        }

        return result.ToNode();
    }

    private static JsonNumber Apply(string name, JsonNumber left, JsonNumber right, string path)
    {
        if (name == Divide)
        {
            // Like Python 3's "/": division always gives a float.
            return right.AsDouble == 0
                ? throw new ExpressionException(path, $"{Divide}: division by zero.")
                : Finite(left.AsDouble / right.AsDouble, path);
        }

        if (left.IsInteger && right.IsInteger)
        {
            try
            {
                return JsonNumber.OfInteger(name switch
                {
                    Add => checked(left.Integer + right.Integer),
                    Subtract => checked(left.Integer - right.Integer),
                    _ => checked(left.Integer * right.Integer),
                });
            }
            catch (OverflowException)
            {
                throw new ExpressionException(path, $"{name}: the result does not fit in a 64-bit integer.");
            }
        }

        return Finite(name switch
        {
            Add => left.AsDouble + right.AsDouble,
            Subtract => left.AsDouble - right.AsDouble,
            _ => left.AsDouble * right.AsDouble,
        }, path);
    }

    private static JsonNumber Finite(double value, string path) => double.IsFinite(value)
        ? JsonNumber.OfFloat(value)
        : throw new ExpressionException(path, "The result is too large to be a JSON number.");

    /// <summary><c>{"PipelineStudio:Format": {"Format": "lr={0}", "Values": [...]}}</c>: .NET composite formatting, invariant culture.</summary>
    private async ValueTask<JsonNode?> FormatAsync(JsonNode? arguments, string path, int depth)
    {
        if (arguments is not JsonObject args || !args.ContainsKey("Format") || !args.ContainsKey("Values"))
        {
            throw new ExpressionException(path, $"{Format} needs an object with 'Format' (e.g. \"lr={{0}}\") and 'Values' (a list).");
        }

        var formatNode = await EvaluateAsync(args["Format"], path + ".Format", depth + 1).ConfigureAwait(false);
        var format = JsonRead.AsString(formatNode)
            ?? throw new ExpressionException(path + ".Format", $"{Format}'s 'Format' must be a string; it is {ValueText.Describe(formatNode)}.");
        var values = await ListAsync(args["Values"], $"{Format}'s 'Values'", path + ".Values", depth).ConfigureAwait(false);
        var formatArguments = new object?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            formatArguments[i] = values[i] is JsonArray or JsonObject
                ? throw new ExpressionException($"{path}.Values[{i}]", $"{Format} formats text, numbers and booleans; this value is {ValueText.Describe(values[i])}.")
                : new FormatArgument(values[i]);
        }

        try
        {
            return JsonValue.Create(string.Format(CultureInfo.InvariantCulture, format, formatArguments));
        }
        catch (FormatException ex)
        {
            throw new ExpressionException(path + ".Format", $"{Format}: '{format}' does not fit its {values.Count} value(s): {ex.Message}", ex);
        }
    }

    /// <summary><c>{"PipelineStudio:ToNumber": x}</c>: a number from text (integer if it reads as one, else float).</summary>
    private async ValueTask<JsonNode?> ToNumberAsync(JsonNode? argument, string path, int depth)
    {
        var value = await EvaluateAsync(argument, path, depth + 1).ConfigureAwait(false);
        if (JsonNumber.TryRead(value, out var number))
        {
            return number.ToNode();
        }

        if (JsonRead.AsString(value) is { } text)
        {
            var trimmed = text.Trim();
            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return JsonValue.Create(whole);
            }

            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
            {
                return JsonValue.Create(real);
            }
        }

        throw new ExpressionException(path, $"{ToNumber}: {ValueText.Describe(value)} is not a number or text that reads as one.");
    }

    /// <summary><c>{"PipelineStudio:ToString": x}</c>: the text Std:Join would use for x.</summary>
    private async ValueTask<JsonNode?> ToTextAsync(JsonNode? argument, string path, int depth)
    {
        var value = await EvaluateAsync(argument, path, depth + 1).ConfigureAwait(false);
        return JsonValue.Create(ValueText.ToText(value)
            ?? throw new ExpressionException(path, $"{ToText} converts text, numbers and booleans; this value is {ValueText.Describe(value)}."));
    }

    /// <summary>A Format value: its Join text by default; numbers also accept .NET format strings (<c>{0:F2}</c>).</summary>
    private sealed class FormatArgument(JsonNode? value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
        {
            if (string.IsNullOrEmpty(format))
            {
                return ToString();
            }

            if (!JsonNumber.TryRead(value, out var number))
            {
                throw new FormatException($"'{format}' formats numbers, but the value is {ValueText.Describe(value)}.");
            }

            return number.IsInteger
                ? number.Integer.ToString(format, CultureInfo.InvariantCulture)
                : number.Float.ToString(format, CultureInfo.InvariantCulture);
        }

        public override string ToString() => ValueText.ToText(value) ?? "";
    }
}
