using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Training hyperparameters the way the SageMaker training toolkit reads them. The SDK JSON-encodes framework
/// hyperparameters, so a string arrives as <c>"\"train.py\""</c> and a number as <c>"30"</c>; the toolkit
/// decodes each value, keeps <c>sagemaker_*</c> entries for itself and passes the rest to the script.
/// </summary>
public sealed class HyperParameters
{
    public const string ProgramKey = "sagemaker_program";
    public const string SubmitDirectoryKey = "sagemaker_submit_directory";
    private const string ReservedPrefix = "sagemaker_";

    private HyperParameters(IReadOnlyDictionary<string, string> raw)
    {
        Raw = raw;
        Decoded = raw.ToDictionary(p => p.Key, p => Decode(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The values as the job definition gives them.</summary>
    public IReadOnlyDictionary<string, string> Raw { get; }

    /// <summary>The values with JSON string quoting removed (<c>"\"0.1\""</c> -> <c>0.1</c>).</summary>
    public IReadOnlyDictionary<string, string> Decoded { get; }

    /// <summary>The script's own hyperparameters: everything but <c>sagemaker_*</c>, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> User =>
        [.. Decoded.Where(p => !p.Key.StartsWith(ReservedPrefix, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal)];

    public string? Program => Decoded.GetValueOrDefault(ProgramKey);

    public string? SubmitDirectory => Decoded.GetValueOrDefault(SubmitDirectoryKey);

    /// <summary>Reads a HyperParameters object; non-string values (a number written without quotes) keep their JSON text.</summary>
    public static HyperParameters From(JsonNode? node)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                raw[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? "";
            }
        }

        return new HyperParameters(raw);
    }

    public static HyperParameters From(IReadOnlyDictionary<string, string> values) => new(values);

    /// <summary>The script arguments: <c>--name value</c> for each user hyperparameter.</summary>
    public IReadOnlyList<string> ToArguments() => [.. User.SelectMany(p => new[] { "--" + p.Key, p.Value })];

    /// <summary>SM_HPS: the user hyperparameters as a JSON object, numbers and booleans typed the way the toolkit decodes them.</summary>
    public string ToSmHps()
    {
        var hps = new JsonObject();
        foreach (var (name, value) in User)
        {
            hps[name] = Typed(value);
        }

        return hps.ToJsonString();
    }

    /// <summary>The toolkit's SM_HP_&lt;NAME&gt; variables, one per user hyperparameter.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
        User.Select(p => KeyValuePair.Create("SM_HP_" + p.Key.ToUpperInvariant().Replace('-', '_'), p.Value));

    /// <summary>Removes one level of JSON string quoting; anything else is returned as given.</summary>
    public static string Decode(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(value) ?? value;
            }
            catch (JsonException)
            {
                return value;
            }
        }

        return value;
    }

    private static JsonNode? Typed(string value)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        return value switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            _ => value,
        };
    }
}
