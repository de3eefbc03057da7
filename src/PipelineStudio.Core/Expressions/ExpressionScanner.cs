using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>Every reference and function use found under one node.</summary>
public sealed record ExpressionScan(IReadOnlyList<ExpressionReference> References, IReadOnlyList<FunctionUse> Functions);

/// <summary>
/// Finds <c>Get</c> references and function objects (<c>Std:*</c>, <c>PipelineStudio:*</c>) anywhere
/// under a node. Iterative, so depth is bounded only by what the parser accepted.
/// </summary>
public static class ExpressionScanner
{
    public const string GetKey = "Get";
    public const string Join = "Std:Join";
    public const string JsonGet = "Std:JsonGet";
    public const string StdPrefix = "Std:";
    public const string ExtensionPrefix = "PipelineStudio:";

    /// <summary>Scans a step's own JSON, leaving out its branch steps (they are steps of their own).</summary>
    public static ExpressionScan ScanStep(StepDefinition step)
    {
        var skip = step.IsCondition && step.Arguments is JsonObject args
            ? new HashSet<JsonNode?>(ReferenceEqualityComparer.Instance) { args["IfSteps"], args["ElseSteps"] }
            : null;
        return Scan(step.Json, step.JsonPath, skip);
    }

    public static ExpressionScan Scan(JsonNode? root, string rootPath, IReadOnlySet<JsonNode?>? skip = null)
    {
        var references = new List<ExpressionReference>();
        var functions = new List<FunctionUse>();
        var stack = new Stack<(JsonNode Node, string Path)>();
        if (root is not null)
        {
            stack.Push((root, rootPath));
        }

        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    if (obj.Count == 1 && obj[GetKey] is JsonValue get && JsonRead.AsString(get) is { } getPath)
                    {
                        references.Add(ExpressionReference.Parse(getPath, path));
                        continue;
                    }

                    if (obj.Count == 1 && IsFunctionName(obj.First().Key))
                    {
                        functions.Add(new FunctionUse(obj.First().Key, obj.First().Value, path));
                    }

                    foreach (var (key, value) in obj.Reverse())
                    {
                        if (value is not null && (skip is null || !skip.Contains(value)))
                        {
                            stack.Push((value, path + JsonRead.Member(key)));
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        if (array[i] is { } item)
                        {
                            stack.Push((item, $"{path}[{i}]"));
                        }
                    }

                    break;
            }
        }

        return new ExpressionScan(references, functions);
    }

    public static bool IsFunctionName(string key) =>
        key.StartsWith(StdPrefix, StringComparison.Ordinal) || key.StartsWith(ExtensionPrefix, StringComparison.Ordinal);
}
