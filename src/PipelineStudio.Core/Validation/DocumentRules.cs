using System.Text.RegularExpressions;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>Top-level fields: Version (PS005), field kinds (PS006), Metadata (PS007), Steps present (PS010).</summary>
internal static partial class DocumentRules
{
    public const int MaxMetadataValueLength = 1024;

    public static void Check(ValidationContext context)
    {
        var json = context.Definition.Json;
        CheckVersion(context);
        context.ExpectKind(json, "Parameters", "$", JsonKind.Array, "The definition");
        context.ExpectKind(json, "PipelineExperimentConfig", "$", JsonKind.Object | JsonKind.Null, "The definition");
        if (context.ExpectKind(json, "Metadata", "$", JsonKind.Object, "The definition"))
        {
            CheckMetadata(context);
        }

        if (!json.TryGetPropertyValue("Steps", out var steps))
        {
            context.Error(IssueCodes.MissingSteps, "$", "The definition has no 'Steps': a pipeline needs at least one step.");
        }
        else if (context.ExpectKind(json, "Steps", "$", JsonKind.Array, "The definition") && steps!.AsArray().Count == 0)
        {
            context.Error(IssueCodes.MissingSteps, "$.Steps", "'Steps' is empty: SageMaker requires at least one step.");
        }
    }

    private static void CheckVersion(ValidationContext context)
    {
        var json = context.Definition.Json;
        if (!json.ContainsKey("Version"))
        {
            context.Warning(IssueCodes.UnsupportedVersion, "$",
                $"The definition has no 'Version'; SageMaker expects \"{PipelineDefinition.CurrentVersion}\".");
            return;
        }

        if (context.ExpectKind(json, "Version", "$", JsonKind.String, "The definition")
            && context.Definition.Version != PipelineDefinition.CurrentVersion)
        {
            context.Error(IssueCodes.UnsupportedVersion, "$.Version",
                $"Version \"{context.Definition.Version}\" is not supported; the only definition version is \"{PipelineDefinition.CurrentVersion}\".");
        }
    }

    private static void CheckMetadata(ValidationContext context)
    {
        if (context.Definition.Json["Metadata"] is not System.Text.Json.Nodes.JsonObject metadata)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            var path = "$.Metadata" + JsonRead.Member(key);
            if (!MetadataKeyRegex().IsMatch(key))
            {
                context.Error(IssueCodes.InvalidMetadata, path,
                    $"Metadata key '{ValidationContext.Shorten(key)}' is not valid: use 1 to 128 letters, digits, hyphens or underscores.");
            }

            if (JsonRead.AsString(value) is not { } text)
            {
                context.Error(IssueCodes.InvalidMetadata, path,
                    $"Metadata value of '{ValidationContext.Shorten(key)}' must be a string, not {JsonKinds.Describe(value)}.");
            }
            else if (text.Length > MaxMetadataValueLength)
            {
                context.Error(IssueCodes.InvalidMetadata, path,
                    $"Metadata value of '{ValidationContext.Shorten(key)}' is {text.Length} characters long; the limit is {MaxMetadataValueLength}.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9\\-_]{1,128}$")]
    private static partial Regex MetadataKeyRegex();
}
