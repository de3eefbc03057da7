using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Property file declarations: each entry names its file, output and path (PS006, PS026), only
/// Processing steps write them, and OutputName must be one of the step's outputs (PS021).
/// </summary>
internal static class PropertyFileRules
{
    private static readonly string[] Fields = ["PropertyFileName", "OutputName", "FilePath"];

    public static void Check(ValidationContext context)
    {
        foreach (var step in context.Definition.AllSteps)
        {
            if (step.Json["PropertyFiles"] is not JsonArray files || files.Count == 0)
            {
                continue;
            }

            var who = StepRules.Who(step);
            if (step.IsKnownType && step.Type != StepTypes.Processing)
            {
                context.Error(IssueCodes.PropertyFileUnknownOutput, step.JsonPath + ".PropertyFiles",
                    $"{who} is a {step.Type} step; only Processing steps write property files.", step);
                continue;
            }

            var outputs = LiteralOutputNames(step);
            for (var i = 0; i < files.Count; i++)
            {
                var path = $"{step.JsonPath}.PropertyFiles[{i}]";
                if (files[i] is not JsonObject file)
                {
                    context.Error(IssueCodes.WrongFieldType, path, $"{who}: property file {i} must be an object, not {JsonKinds.Describe(files[i])}.", step);
                    continue;
                }

                CheckEntry(context, step, file, path, outputs);
            }
        }
    }

    private static void CheckEntry(ValidationContext context, StepDefinition step, JsonObject file, string path, HashSet<string>? outputs)
    {
        var who = StepRules.Who(step);
        foreach (var field in Fields)
        {
            if (!file.ContainsKey(field))
            {
                context.Error(IssueCodes.MissingRequiredField, path, $"{who}: property file at {path} has no '{field}'.", step);
            }
            else
            {
                context.ExpectKind(file, field, path, JsonKind.String, who, step);
            }
        }

        if (outputs is not null && JsonRead.String(file, "OutputName") is { } outputName && !outputs.Contains(outputName))
        {
            var declared = outputs.Count == 0 ? "none" : string.Join(", ", outputs.Order(StringComparer.Ordinal));
            context.Error(IssueCodes.PropertyFileUnknownOutput, path + ".OutputName",
                $"{who}: property file '{JsonRead.String(file, "PropertyFileName")}' names output '{ValidationContext.Shorten(outputName)}', which the step does not declare (outputs: {declared}).", step);
        }
    }

    /// <summary>
    /// The OutputName of every entry of ProcessingOutputConfig.Outputs, or null when they cannot be
    /// known without running anything (the list or a name is an expression), so no false alarm is raised.
    /// </summary>
    private static HashSet<string>? LiteralOutputNames(StepDefinition step)
    {
        if (step.Type != StepTypes.Processing)
        {
            return null;
        }

        var config = (step.Arguments as JsonObject)?["ProcessingOutputConfig"];
        var outputs = config is JsonObject c ? c["Outputs"] : null;
        if (config is null || (config is JsonObject && outputs is null))
        {
            return [];
        }

        if (outputs is not JsonArray array)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in array)
        {
            if (output is not JsonObject o || JsonRead.String(o, "OutputName") is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        return names;
    }
}
