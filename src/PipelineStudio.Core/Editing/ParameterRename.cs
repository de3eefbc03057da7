using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Editing;

/// <summary>
/// Finds and rewrites <c>{"Get": "Parameters.X"}</c> references anywhere in a definition: step arguments,
/// Join values, JsonGet arguments, conditions, branch steps, PipelineExperimentConfig and extension functions.
/// </summary>
public static class ParameterRename
{
    private const string Prefix = "Parameters.";

    /// <summary>
    /// Rewrites every reference to <paramref name="oldName"/> under <paramref name="root"/> in place and returns
    /// how many were rewritten. Only exact references change: <c>Parameters.OldX</c> stays as it is.
    /// </summary>
    public static int RewriteReferences(JsonNode root, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(root);
        var target = Prefix + oldName;
        var count = 0;
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    if (obj.Count == 1 && obj[ExpressionScanner.GetKey] is JsonValue get && JsonRead.AsString(get) == target)
                    {
                        obj[ExpressionScanner.GetKey] = Prefix + newName;
                        count++;
                        continue;
                    }

                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }

                    break;
            }
        }

        return count;
    }

    /// <summary>
    /// The names of the steps that use the parameter (branch steps included, each once, in definition order),
    /// plus <c>PipelineExperimentConfig</c> when that uses it.
    /// </summary>
    public static IReadOnlyList<string> Users(PipelineDefinition definition, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var users = new List<string>();
        foreach (var step in definition.AllSteps)
        {
            if (step.Expressions.References.Any(r => r.Kind == ReferenceKind.Parameter && r.Target == parameterName))
            {
                users.Add(step.Name ?? step.JsonPath);
            }
        }

        if (definition.PipelineExperimentConfig is { } experiment &&
            ExpressionScanner.Scan(experiment, "$.PipelineExperimentConfig").References.Any(r => r.Kind == ReferenceKind.Parameter && r.Target == parameterName))
        {
            users.Add("PipelineExperimentConfig");
        }

        return users;
    }
}
