using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>Every reference and function use found under one node.</summary>
public sealed record ExpressionScan(IReadOnlyList<ExpressionReference> References, IReadOnlyList<FunctionUse> Functions);

/// <summary>
/// Finds <c>Get</c> references and function objects (<c>Std:*</c>, <c>PipelineStudio:*</c>) anywhere
/// under a node. Iterative, so depth is bounded only by what the parser accepted.
/// </summary>
public static partial class ExpressionScanner
{
    public const string GetKey = "Get";
    public const string Join = "Std:Join";
    public const string JsonGet = "Std:JsonGet";
    public const string StdPrefix = "Std:";
    public const string ExtensionPrefix = "PipelineStudio:";

    /// <summary>Scans a step's own JSON, leaving out its branch steps (they are steps of their own).</summary>
    public static ExpressionScan ScanStep(StepDefinition step)
    {
        if (step.Element is { } element)
        {
            return Scan(element, step.JsonPath, skipBranches: step.IsCondition);
        }

        var skip = step.IsCondition && step.Arguments is JsonObject args
            ? new HashSet<JsonNode?>(ReferenceEqualityComparer.Instance) { args["IfSteps"], args["ElseSteps"] }
            : null;
        return Scan(step.Json, step.JsonPath, skip);
    }

    public static ExpressionScan Scan(JsonNode? root, string rootPath, IReadOnlySet<JsonNode?>? skip = null)
    {
        var references = new List<ExpressionReference>();
        var functions = new List<FunctionUse>();
        if (root is null)
        {
            return new ExpressionScan(references, functions);
        }

        // Paths are only needed for the few nodes that are expressions, so each visited node records just its
        // parent and its own segment; the path string is built when a hit needs it.
        var segments = new List<PathSegmentFrame> { new(-1, rootPath, -1) };
        var stack = new Stack<(JsonNode Node, int Frame)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, frame) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    if (obj.Count == 1)
                    {
                        var (key, value) = obj.First();
                        if (key == GetKey && JsonRead.AsString(value) is { } getPath)
                        {
                            references.Add(ExpressionReference.Parse(getPath, PathOf(segments, frame)));
                            continue;
                        }

                        if (IsFunctionName(key))
                        {
                            functions.Add(new FunctionUse(key, value, PathOf(segments, frame)));
                        }
                    }

                    for (var i = obj.Count - 1; i >= 0; i--)
                    {
                        var (key, value) = obj.GetAt(i);
                        if (value is not null && (skip is null || !skip.Contains(value)))
                        {
                            segments.Add(new PathSegmentFrame(frame, key, -1));
                            stack.Push((value, segments.Count - 1));
                        }
                    }

                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        if (array[i] is { } item)
                        {
                            segments.Add(new PathSegmentFrame(frame, null, i));
                            stack.Push((item, segments.Count - 1));
                        }
                    }

                    break;
            }
        }

        return new ExpressionScan(references, functions);
    }

    public static bool IsFunctionName(string key) =>
        key.StartsWith(StdPrefix, StringComparison.Ordinal) || key.StartsWith(ExtensionPrefix, StringComparison.Ordinal);

    private static string PathOf(List<PathSegmentFrame> segments, int frame)
    {
        var chain = new Stack<PathSegmentFrame>();
        for (var f = frame; f >= 0; f = segments[f].Parent)
        {
            chain.Push(segments[f]);
        }

        var path = new System.Text.StringBuilder();
        foreach (var segment in chain)
        {
            path.Append(segment.Parent < 0 ? segment.Key : segment.Key is { } key ? JsonRead.Member(key) : $"[{segment.Index}]");
        }

        return path.ToString();
    }

    /// <summary>One visited node: its parent frame and its key (objects) or index (arrays); the root carries the base path.</summary>
    private readonly record struct PathSegmentFrame(int Parent, string? Key, int Index);
}
