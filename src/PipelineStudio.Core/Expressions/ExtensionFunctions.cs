namespace PipelineStudio.Core.Expressions;

/// <summary>
/// The names of the <c>PipelineStudio:</c> functions the local engine evaluates (docs/extensions.md),
/// for validation, export checks and the editor's completion list.
/// </summary>
public static class ExtensionFunctions
{
    public const string Add = Evaluation.Add;
    public const string Subtract = Evaluation.Subtract;
    public const string Multiply = Evaluation.Multiply;
    public const string Divide = Evaluation.Divide;
    public const string Format = Evaluation.Format;
    public const string ToNumber = Evaluation.ToNumber;

    /// <summary><c>PipelineStudio:ToString</c> (a constant named ToString would hide object.ToString).</summary>
    public const string ToText = Evaluation.ToText;

    public static IReadOnlyList<string> Names { get; } = [Add, Subtract, Multiply, Divide, Format, ToNumber, ToText];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
