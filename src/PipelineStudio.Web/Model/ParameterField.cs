using System.Globalization;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Web.Model;

/// <summary>Which input a parameter gets on a form.</summary>
public enum ParameterInputKind
{
    Text,
    Integer,
    Float,
    Boolean,
    Choice,
}

/// <summary>
/// One parameter on a launch or sweep form: its definition, the text typed so far (the wire form the engine
/// takes), and the binder's problems with it. An empty field is left out of the request, so the engine fills in
/// the default, exactly as the REST API and the CLI do when a parameter is not given.
/// </summary>
public sealed class ParameterField
{
    public ParameterField(ParameterDefinition definition)
    {
        Definition = definition;
        Name = definition.Name ?? "";
        DefaultText = ParameterBinder.DefaultText(definition.DefaultValue);
        Choices = definition.EnumValues?.Select(ParameterBinder.DefaultText).OfType<string>().ToList() ?? [];
        Kind = Choices.Count > 0 ? ParameterInputKind.Choice : definition.Type switch
        {
            ParameterType.Integer => ParameterInputKind.Integer,
            ParameterType.Float => ParameterInputKind.Float,
            ParameterType.Boolean => ParameterInputKind.Boolean,
            _ => ParameterInputKind.Text,
        };

        // A switch always says something: without a default it starts off, which is a value, not a gap.
        Text = DefaultText ?? (Kind == ParameterInputKind.Boolean ? "false" : "");
    }

    public ParameterDefinition Definition { get; }

    public string Name { get; }

    public ParameterInputKind Kind { get; }

    /// <summary>The default as parameter text, or null when the parameter has none (it must be supplied).</summary>
    public string? DefaultText { get; }

    public IReadOnlyList<string> Choices { get; }

    public string Text { get; set; }

    /// <summary>The binder's sentences about this parameter; empty when its value is fine.</summary>
    public IReadOnlyList<string> Problems { get; set; } = [];

    public bool IsRequired => DefaultText is null;

    public bool IsDefault => DefaultText is not null && (Text.Length == 0 || Text == DefaultText);

    /// <summary>The text to send, or null to leave the parameter out (an empty field).</summary>
    public string? Supplied => Text.Length == 0 ? null : Text;

    public string TypeName => Definition.TypeName ?? "String";

    public bool BooleanValue
    {
        get => bool.TryParse(Text, out var value) && value;
        set => Text = value ? "true" : "false";
    }

    public long? IntegerValue
    {
        get => long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
        set => Text = value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    public double? FloatValue
    {
        get => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
        set => Text = value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
    }

    public void ResetToDefault() => Text = DefaultText ?? (Kind == ParameterInputKind.Boolean ? "false" : "");

    /// <summary>What the field's helper line says when there is no problem.</summary>
    public string Hint => DefaultText is { } fallback
        ? (Text.Length == 0 ? $"{TypeName} · empty uses the default {Quote(fallback)}" : $"{TypeName} · default {Quote(fallback)}")
        : $"{TypeName} · required, no default";

    private static string Quote(string text) => text.Length == 0 ? "(empty)" : text;
}
