using System.Text.Json.Nodes;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Engine.Lineage;

/// <summary>An artifact a step read or wrote, as found in its arguments or properties.</summary>
public sealed record ArtifactReference(string Uri, string Type, string Path);

/// <summary>
/// Finds the artifacts of a step run without per-type code for every field: every <c>s3://</c> string in the evaluated
/// arguments is an input unless it sits under an output setting, every <c>s3://</c> string in the properties that is
/// not an input is an output, and image URIs are inputs of type Image. The JSON path decides the artifact type.
/// </summary>
public static class ArtifactReferences
{
    private static readonly string[] OutputKeys = ["ProcessingOutputConfig", "OutputDataConfig", "TransformOutput", "S3OutputPath", "OutputPath", "CheckpointConfig"];
    private static readonly string[] ImageKeys = ["ImageUri", "TrainingImage", "Image"];

    public static IReadOnlyList<ArtifactReference> Inputs(JsonObject arguments)
    {
        var found = new List<ArtifactReference>();
        Walk(arguments, "Arguments", (path, key, text) =>
        {
            if (ImageKeys.Contains(key) && !text.StartsWith("s3://", StringComparison.Ordinal))
            {
                found.Add(new ArtifactReference(text, LineageTypes.Image, path));
            }
            else if (text.StartsWith("s3://", StringComparison.Ordinal) && !OutputKeys.Any(k => path.Contains(k, StringComparison.Ordinal)))
            {
                found.Add(new ArtifactReference(text, TypeOfInput(path, text), path));
            }
        });
        return [.. found.DistinctBy(r => r.Uri)];
    }

    public static IReadOnlyList<ArtifactReference> Outputs(JsonNode? properties, IReadOnlyList<ArtifactReference> inputs)
    {
        var read = inputs.Select(i => i.Uri).ToHashSet(StringComparer.Ordinal);
        var found = new List<ArtifactReference>();
        Walk(properties, "Properties", (path, _, text) =>
        {
            // OutputDataConfig.S3OutputPath is the prefix jobs write under, not a product of its own.
            if (text.StartsWith("s3://", StringComparison.Ordinal) && !read.Contains(text) && !path.Contains("OutputDataConfig", StringComparison.Ordinal))
            {
                var isModel = path.Contains("ModelArtifacts", StringComparison.Ordinal) || text.EndsWith("model.tar.gz", StringComparison.Ordinal);
                found.Add(new ArtifactReference(text, isModel ? LineageTypes.Model : LineageTypes.DataSet, path));
            }
        });
        found.AddRange(TunedModels(properties));
        return [.. found.DistinctBy(r => r.Uri)];
    }

    /// <summary>
    /// A tuning job's properties name its training jobs, not their models; each completed one wrote
    /// <c>S3OutputPath/&lt;job&gt;/output/model.tar.gz</c>, as SageMaker lays them out.
    /// </summary>
    private static IEnumerable<ArtifactReference> TunedModels(JsonNode? properties)
    {
        if (properties?["TrainingJobDefinition"]?["OutputDataConfig"]?["S3OutputPath"]?.GetValue<string>() is not { } outputPath
            || properties["TrainingJobSummaries"] is not JsonArray summaries)
        {
            yield break;
        }

        foreach (var summary in summaries.OfType<JsonObject>().Where(s => s["TrainingJobStatus"]?.GetValue<string>() == "Completed"))
        {
            if (summary["TrainingJobName"]?.GetValue<string>() is { } job)
            {
                yield return new ArtifactReference($"{outputPath.TrimEnd('/')}/{job}/output/model.tar.gz", LineageTypes.Model, "Properties.TrainingJobSummaries");
            }
        }
    }

    // Scripts come as the training toolkit's submit directory or as a processing input named/placed like code.
    private static string TypeOfInput(string path, string uri) =>
        path.Contains("ModelDataUrl", StringComparison.Ordinal) || uri.EndsWith("model.tar.gz", StringComparison.Ordinal) ? LineageTypes.Model
        : path.Contains("sagemaker_submit_directory", StringComparison.Ordinal) || path.Contains("SAGEMAKER_SUBMIT_DIRECTORY", StringComparison.Ordinal)
            || uri.EndsWith(".py", StringComparison.Ordinal) || uri.EndsWith(".sh", StringComparison.Ordinal) || uri.Contains("/code/", StringComparison.Ordinal) ? LineageTypes.Code
        : LineageTypes.DataSet;

    private static void Walk(JsonNode? node, string path, Action<string, string, string> visit, string key = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{path}.{name}", visit, name);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", visit, key);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                // Framework hyperparameters are JSON-encoded strings ("\"s3://...\""), as the SDK writes them.
                visit(path, key, text.Length > 1 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text);
                break;
        }
    }
}
