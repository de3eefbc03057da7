using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Core.Definitions;

/// <summary>The one place definitions are parsed from and written to text.</summary>
public static class DefinitionJson
{
    /// <summary>
    /// Deepest nesting accepted. Real definitions stay far below it (nested conditions included);
    /// the limit turns hostile input into an issue instead of a stack overflow further on.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>SageMaker's limit on the definition string (1,048,576 characters).</summary>
    public const int MaxDefinitionLength = 1_048_576;

    // Duplicate keys are refused at parse time: the node tree cannot hold them, and SageMaker would keep only one.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        MaxDepth = MaxDepth,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        MaxDepth = MaxDepth,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Parses text into a JSON object. Returns the problem as an issue (PS001 with line and column,
    /// PS002 when the document is not an object, PS003 when nested too deeply); never throws.
    /// </summary>
    public static (JsonObject? Json, ValidationIssue? Issue) Parse(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: ParseOptions);
        }
        catch (JsonException ex)
        {
            return (null, ToIssue(ex));
        }

        return node is JsonObject obj ? (obj, null) : (null, NotAnObjectIssue(node?.GetValueKind() ?? JsonValueKind.Null));
    }

    private static ValidationIssue NotAnObjectIssue(JsonValueKind kind)
    {
        var name = kind is JsonValueKind.True or JsonValueKind.False ? "boolean" : kind.ToString().ToLowerInvariant();
        return new ValidationIssue(IssueCodes.NotAnObject, IssueSeverity.Error, "$",
            $"A pipeline definition must be a JSON object; this document is {Article(name)} {name}.");
    }

    /// <summary>
    /// Parses text into the root element of a document that stays alive as long as the element is referenced
    /// (it is not disposed: its pooled buffers go back to the GC, which is fine for one document per import).
    /// Same issues as <see cref="Parse"/>.
    /// </summary>
    public static (JsonElement? Root, ValidationIssue? Issue) ParseElement(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, ParseOptions);
        }
        catch (JsonException ex)
        {
            return (null, ToIssue(ex));
        }

        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object ? (root, null) : (null, NotAnObjectIssue(root.ValueKind));
    }

    public static string Write(JsonNode node, bool indented = true) =>
        node.ToJsonString(indented ? Indented : Compact);

    private static ValidationIssue ToIssue(JsonException ex)
    {
        var line = (int)(ex.LineNumber ?? 0) + 1;
        var column = (int)(ex.BytePositionInLine ?? 0) + 1;
        // System.Text.Json says "The maximum configured depth of N has been exceeded"; other messages mention
        // depth too ("Expected depth to be zero" for truncated input), which is malformed JSON, not deep JSON.
        var tooDeep = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
        return tooDeep
            ? new ValidationIssue(IssueCodes.NestingTooDeep, IssueSeverity.Error, "$",
                $"The document is nested more than {MaxDepth} levels deep (line {line}, column {column}).") { Line = line, Column = column }
            : new ValidationIssue(IssueCodes.MalformedJson, IssueSeverity.Error, "$",
                $"Malformed JSON at line {line}, column {column}: {FirstSentence(ex.Message)}") { Line = line, Column = column };
    }

    // System.Text.Json appends its own position ("Path: $ | LineNumber: 0 | BytePositionInLine: 5.", or only the
    // LineNumber part); we report the position ourselves, 1-based, so cut at whichever comes first.
    private static string FirstSentence(string message)
    {
        var cuts = new[] { message.IndexOf(" Path:", StringComparison.Ordinal), message.IndexOf(" LineNumber:", StringComparison.Ordinal) };
        var cut = cuts.Where(c => c > 0).DefaultIfEmpty(message.Length).Min();
        return message[..cut].TrimEnd();
    }

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
