using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Descriptors;

/// <summary>How the property panel edits a field.</summary>
public enum FieldKind
{
    /// <summary>A single-line string.</summary>
    Text,

    /// <summary>A longer string (messages, descriptions).</summary>
    MultilineText,

    /// <summary>A JSON number, fractions allowed.</summary>
    Number,

    /// <summary>A JSON integer.</summary>
    Integer,

    Boolean,

    /// <summary>A string from <see cref="FieldDescriptor.Options"/>.</summary>
    Enum,

    /// <summary>Any JSON primitive (string, number, boolean), e.g. a condition operand.</summary>
    Value,

    /// <summary>An array of strings (each item a literal or, when allowed, an expression); with Options, a multi-select.</summary>
    StringList,

    /// <summary>An object of string keys to string values (values may be expressions when allowed).</summary>
    KeyValueMap,

    /// <summary>An array of objects, each edited with <see cref="FieldDescriptor.ItemFields"/> (inputs, outputs, channels, metrics...).</summary>
    ObjectList,

    /// <summary>A Condition step's <c>Conditions</c> array.</summary>
    Conditions,
}

/// <summary>
/// One editable field of a step, for the designer's property panel.
/// </summary>
/// <param name="Path">Dotted member path inside the step (e.g. <c>Arguments.AppSpecification.ImageUri</c>), or inside a list item for item fields.</param>
/// <param name="Label">Short label.</param>
/// <param name="Help">One or two sentences: what it means, what SageMaker expects.</param>
/// <param name="Kind">The editor to use.</param>
/// <param name="AllowsExpression">Whether the value (for lists and maps: each item or value) may be a <c>Get</c>, <c>Std:Join</c> or <c>Std:JsonGet</c> expression.</param>
public sealed record FieldDescriptor(string Path, string Label, string Help, FieldKind Kind, bool AllowsExpression)
{
    /// <summary>Allowed values for <see cref="FieldKind.Enum"/> and multi-select lists; suggestions for <see cref="FieldKind.Text"/>.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>For <see cref="FieldKind.ObjectList"/>: the fields of one item, with paths relative to the item.</summary>
    public IReadOnlyList<FieldDescriptor>? ItemFields { get; init; }

    /// <summary>For <see cref="FieldKind.ObjectList"/>: the member that names an item (shown as its title), e.g. <c>OutputName</c>.</summary>
    public string? ItemKey { get; init; }

    /// <summary>For <see cref="FieldKind.ObjectList"/>: a new item, given a suggested unique name.</summary>
    public Func<string, JsonObject>? NewItem { get; init; }

    /// <summary>For <see cref="FieldKind.ObjectList"/>: the noun for one item ("input", "channel").</summary>
    public string? ItemNoun { get; init; }

    /// <summary>For <see cref="FieldKind.KeyValueMap"/>: keys starting with this are edited elsewhere and hidden here (<c>sagemaker_</c>).</summary>
    public string? HiddenKeyPrefix { get; init; }

    /// <summary>
    /// The literal is stored JSON-encoded inside a string, as the SDK writes script-mode hyperparameters
    /// (<c>"sagemaker_program": "\"train.py\""</c>); the panel shows and edits the decoded text.
    /// </summary>
    public bool JsonEncoded { get; init; }

    /// <summary>Example value shown while empty.</summary>
    public string? Placeholder { get; init; }
}

/// <summary>A titled section of fields in the property panel.</summary>
public sealed record FieldGroup(string Title, IReadOnlyList<FieldDescriptor> Fields);
