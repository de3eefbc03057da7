using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// One evaluation run: the context and cancellation token, so the recursive walk does not pass them
/// around. Recursion is bounded by <see cref="MaxDepth"/> (the parser's own limit), so a hostile
/// document gives an error, never a stack overflow.
/// </summary>
internal sealed partial class Evaluation(EvaluationContext context, CancellationToken cancellationToken, bool insideExperimentConfig = false)
{
    public const int MaxDepth = DefinitionJson.MaxDepth;

    private const string PropertyFilesPrefix = "PropertyFiles.";

    public async ValueTask<JsonNode?> EvaluateAsync(JsonNode? node, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ExpressionException(path, $"Expressions are nested more than {MaxDepth} levels deep.");
        }

        switch (node)
        {
            case null:
                return null;
            case JsonValue value:
                return value.DeepClone();
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(await EvaluateAsync(array[i], $"{path}[{i}]", depth + 1).ConfigureAwait(false));
                }

                return items;
            case JsonObject obj:
                if (obj.Count == 1)
                {
                    var (key, argument) = obj.First();
                    if (key == ExpressionScanner.GetKey)
                    {
                        return await GetAsync(argument, path, depth).ConfigureAwait(false);
                    }

                    if (ExpressionScanner.IsFunctionName(key))
                    {
                        return await CallAsync(key, argument, path + JsonRead.Member(key), depth + 1).ConfigureAwait(false);
                    }
                }

                var members = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    members[key] = await EvaluateAsync(value, path + JsonRead.Member(key), depth + 1).ConfigureAwait(false);
                }

                return members;
            default:
                throw new ExpressionException(path, "Unexpected kind of JSON node.");
        }
    }

    private ValueTask<JsonNode?> CallAsync(string name, JsonNode? arguments, string path, int depth) => name switch
    {
        ExpressionScanner.Join => JoinAsync(arguments, path, depth),
        ExpressionScanner.JsonGet => JsonGetAsync(arguments, path, depth),
        _ when name.StartsWith(ExpressionScanner.ExtensionPrefix, StringComparison.Ordinal) => ExtensionAsync(name, arguments, path, depth),
        _ => throw new ExpressionException(path, $"Unknown function '{name}': SageMaker has only Std:Join and Std:JsonGet."),
    };

    private async ValueTask<JsonNode?> GetAsync(JsonNode? argument, string path, int depth)
    {
        if (JsonRead.AsString(argument) is not { } getPath)
        {
            throw new ExpressionException(path, $"'Get' needs a string such as \"Parameters.X\"; this is {ValueText.Describe(argument)}.");
        }

        var reference = ExpressionReference.Parse(getPath, path);
        switch (reference.Kind)
        {
            case ReferenceKind.Parameter:
                return context.Parameters.TryGetValue(reference.Target, out var value)
                    ? value?.DeepClone()
                    : throw new ExpressionException(path, $"'{getPath}': the execution has no parameter '{reference.Target}'.");
            case ReferenceKind.Execution:
                return JsonValue.Create(ExecutionVariable(reference.Target, getPath, path));
            case ReferenceKind.Step:
                return StepProperty(reference, getPath, path)?.DeepClone();
            case ReferenceKind.PipelineExperimentConfig:
                return await ExperimentFieldAsync(reference.Target, getPath, path, depth).ConfigureAwait(false);
            default:
                throw new ExpressionException(path,
                    $"'{getPath}' is not a reference: it must start with Parameters., Execution., Steps. or PipelineExperimentConfig.");
        }
    }

    private string ExecutionVariable(string name, string getPath, string path)
    {
        if (name == ExecutionVariables.CurrentDateTime)
        {
            return ExecutionVariables.FormatDateTime(context.Time.GetUtcNow());
        }

        if (context.ExecutionVariables.TryGetValue(name, out var value))
        {
            return value;
        }

        throw new ExpressionException(path, ExecutionVariables.IsKnown(name)
            ? $"'{getPath}' has no value here: {name} is set only while a step runs a job."
            : $"'{getPath}': '{name}' is not an execution variable (they are: {string.Join(", ", ExecutionVariables.All)}).");
    }

    private JsonNode? StepProperty(ExpressionReference reference, string getPath, string path)
    {
        if (reference.IsPropertyFile)
        {
            throw new ExpressionException(path, $"'{getPath}' names a property file; it can only be the PropertyFile of Std:JsonGet.");
        }

        if (reference.PropertyPath.Length == 0)
        {
            throw new ExpressionException(path, $"'{getPath}' names a step, not one of its properties (e.g. Steps.{reference.Target}.<Property>).");
        }

        JsonNode? properties;
        try
        {
            properties = context.StepProperties(reference.Target);
        }
        catch (Exception ex) when (ex is not ExpressionException and not OperationCanceledException)
        {
            throw new ExpressionException(path, $"'{getPath}': reading the properties of step '{reference.Target}' failed: {ex.Message}", ex);
        }

        if (properties is null)
        {
            throw new ExpressionException(path, $"'{getPath}': step '{reference.Target}' has no properties (it has not succeeded in this execution).");
        }

        return PropertyResolver.Resolve(properties, reference.PropertyPath, namedItems: true, $"step '{reference.Target}'", path);
    }

    private async ValueTask<JsonNode?> ExperimentFieldAsync(string field, string getPath, string path, int depth)
    {
        if (insideExperimentConfig)
        {
            throw new ExpressionException(path, $"'{getPath}': PipelineExperimentConfig cannot refer to itself.");
        }

        if (context.PipelineExperimentConfig is not JsonObject config)
        {
            throw new ExpressionException(path, $"'{getPath}' has no value: the pipeline has no PipelineExperimentConfig.");
        }

        if (!config.TryGetPropertyValue(field, out var node))
        {
            throw new ExpressionException(path, $"'{getPath}': PipelineExperimentConfig has no '{field}'.");
        }

        // Its fields may use Execution variables, but a field referring back to the config would loop.
        var inner = new Evaluation(context, cancellationToken, insideExperimentConfig: true);
        return await inner.EvaluateAsync(node, "$.PipelineExperimentConfig" + JsonRead.Member(field), depth + 1).ConfigureAwait(false);
    }

    private static string PropertyFileName(ExpressionReference reference) => reference.PropertyPath[PropertyFilesPrefix.Length..];
}
