using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>The SageMaker functions: Std:Join and Std:JsonGet.</summary>
internal sealed partial class Evaluation
{
    private static readonly JsonDocumentOptions FileOptions = new() { MaxDepth = MaxDepth };

    /// <summary><c>{"Std:Join": {"On": ",", "Values": [...]}}</c>: each value as text (see <see cref="ValueText"/>), joined.</summary>
    private async ValueTask<JsonNode?> JoinAsync(JsonNode? arguments, string path, int depth)
    {
        if (arguments is not JsonObject args || !args.ContainsKey("Values"))
        {
            throw new ExpressionException(path, "Std:Join needs an object with 'Values' (a list) and 'On' (the separator).");
        }

        var separator = "";
        if (args.ContainsKey("On"))
        {
            var on = await EvaluateAsync(args["On"], path + ".On", depth + 1).ConfigureAwait(false);
            separator = JsonRead.AsString(on)
                ?? throw new ExpressionException(path + ".On", $"Std:Join's 'On' must be a string; it is {ValueText.Describe(on)}.");
        }

        var values = await ListAsync(args["Values"], "Std:Join's 'Values'", path + ".Values", depth).ConfigureAwait(false);
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            text.Append(ValueText.ToText(values[i])
                ?? throw new ExpressionException($"{path}.Values[{i}]", $"Std:Join joins text, numbers and booleans; this value is {ValueText.Describe(values[i])}."));
        }

        return JsonValue.Create(text.ToString());
    }

    /// <summary>
    /// <c>{"Std:JsonGet": {"PropertyFile": {"Get": "Steps.S.PropertyFiles.F"} | "S3Uri": ..., "Path": "a.b[0]"}}</c>:
    /// the value at Path in a JSON file, keeping its JSON type.
    /// </summary>
    private async ValueTask<JsonNode?> JsonGetAsync(JsonNode? arguments, string path, int depth)
    {
        if (arguments is not JsonObject args)
        {
            throw new ExpressionException(path, "Std:JsonGet needs an object with 'Path' and one of 'PropertyFile' or 'S3Uri'.");
        }

        var hasFile = args.ContainsKey("PropertyFile");
        if (hasFile == args.ContainsKey("S3Uri"))
        {
            throw new ExpressionException(path, $"Std:JsonGet needs exactly one of 'PropertyFile' or 'S3Uri'; it has {(hasFile ? "both" : "neither")}.");
        }

        var jsonPathNode = await EvaluateAsync(args["Path"], path + ".Path", depth + 1).ConfigureAwait(false);
        var jsonPath = JsonRead.AsString(jsonPathNode)
            ?? throw new ExpressionException(path + ".Path", $"Std:JsonGet's 'Path' must be a string such as \"metrics.auc\"; it is {ValueText.Describe(jsonPathNode)}.");

        var (document, source) = hasFile
            ? await ReadPropertyFileAsync(args["PropertyFile"], path + ".PropertyFile").ConfigureAwait(false)
            : await ReadS3JsonAsync(args["S3Uri"], path + ".S3Uri", depth).ConfigureAwait(false);
        return PropertyResolver.Resolve(document, jsonPath, namedItems: false, source, path + ".Path")?.DeepClone();
    }

    private async ValueTask<(JsonNode? Document, string Source)> ReadPropertyFileAsync(JsonNode? fileNode, string path)
    {
        var reference = fileNode is JsonObject { Count: 1 } get && JsonRead.String(get, ExpressionScanner.GetKey) is { } getPath
            ? ExpressionReference.Parse(getPath, path)
            : null;
        if (reference is not { IsPropertyFile: true })
        {
            throw new ExpressionException(path, "Std:JsonGet's PropertyFile must be {\"Get\": \"Steps.<step>.PropertyFiles.<name>\"}.");
        }

        var (step, file) = (reference.Target, PropertyFileName(reference));
        var source = $"property file '{file}' of step '{step}'";
        cancellationToken.ThrowIfCancellationRequested();
        JsonNode? document;
        try
        {
            document = await context.ReadPropertyFile(step, file).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ExpressionException and not OperationCanceledException)
        {
            throw new ExpressionException(path, $"Reading {source} failed: {ex.Message}", ex);
        }

        return document is null
            ? throw new ExpressionException(path, $"The {source} was not found (has the step succeeded, and did it write the file?).")
            : (document, source);
    }

    private async ValueTask<(JsonNode? Document, string Source)> ReadS3JsonAsync(JsonNode? uriNode, string path, int depth)
    {
        var evaluated = await EvaluateAsync(uriNode, path, depth + 1).ConfigureAwait(false);
        var uri = JsonRead.AsString(evaluated)
            ?? throw new ExpressionException(path, $"Std:JsonGet's 'S3Uri' must give a string; it gives {ValueText.Describe(evaluated)}.");
        var source = $"'{uri}'";
        cancellationToken.ThrowIfCancellationRequested();
        string? text;
        try
        {
            text = await context.ReadText(uri).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ExpressionException and not OperationCanceledException)
        {
            throw new ExpressionException(path, $"Reading {source} failed: {ex.Message}", ex);
        }

        if (text is null)
        {
            throw new ExpressionException(path, $"Std:JsonGet found no file at {source}.");
        }

        try
        {
            return (JsonNode.Parse(text, documentOptions: FileOptions), source);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException(path, $"The file at {source} is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Evaluates a node that must give a list (a literal list, or an expression giving one).</summary>
    private async ValueTask<JsonArray> ListAsync(JsonNode? node, string what, string path, int depth)
    {
        var evaluated = await EvaluateAsync(node, path, depth + 1).ConfigureAwait(false);
        return evaluated as JsonArray
            ?? throw new ExpressionException(path, $"{what} must be a list; it is {ValueText.Describe(evaluated)}.");
    }
}
