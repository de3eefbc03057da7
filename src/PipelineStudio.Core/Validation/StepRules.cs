using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Each step on its own: array items that are not steps and field kinds (PS006), Name and Type
/// (PS011, PS012, PS014, PS015), names unique across branches (PS013).
/// </summary>
internal static class StepRules
{
    public static void Check(ValidationContext context)
    {
        CheckStepArrayItems(context, context.Definition.Json["Steps"] as JsonArray, "$.Steps", null);
        var firstPathByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in context.Definition.AllSteps)
        {
            CheckNameAndType(context, step, firstPathByName);
            CheckFieldKinds(context, step);
            if (step.IsCondition && step.Arguments is JsonObject args)
            {
                CheckBranch(context, step, args, "IfSteps");
                CheckBranch(context, step, args, "ElseSteps");
            }
        }
    }

    /// <summary>The label used in messages: the step's name, or where it sits when it has none.</summary>
    public static string Who(StepDefinition step) =>
        step.Name is { } name ? $"Step '{ValidationContext.Shorten(name)}'" : $"The step at {step.JsonPath}";

    private static void CheckBranch(ValidationContext context, StepDefinition condition, JsonObject args, string key)
    {
        var path = condition.JsonPath + ".Arguments";
        if (context.ExpectKind(args, key, path, JsonKind.Array, Who(condition), condition))
        {
            CheckStepArrayItems(context, args[key] as JsonArray, path + "." + key, condition);
        }
    }

    private static void CheckStepArrayItems(ValidationContext context, JsonArray? steps, string path, StepDefinition? owner)
    {
        if (steps is null)
        {
            return;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is not JsonObject)
            {
                context.Error(IssueCodes.WrongFieldType, $"{path}[{i}]",
                    $"Item {i} of {path} must be a step object, not {JsonKinds.Describe(steps[i])}.", owner);
            }
        }
    }

    private static void CheckNameAndType(ValidationContext context, StepDefinition step, Dictionary<string, string> firstPathByName)
    {
        var json = step.Json;
        if (!json.ContainsKey("Name"))
        {
            context.Error(IssueCodes.StepMissingName, step.JsonPath, $"{Who(step)} has no 'Name'.", step);
        }
        else if (context.ExpectKind(json, "Name", step.JsonPath, JsonKind.String, Who(step), step))
        {
            var name = step.Name!;
            if (!PipelineNames.IsValidStepName(name))
            {
                context.Error(IssueCodes.InvalidStepName, step.JsonPath + ".Name",
                    $"{Who(step)} has an invalid name: use {PipelineNames.EntityNameRule}.", step);
            }

            if (!firstPathByName.TryAdd(name, step.JsonPath))
            {
                context.Error(IssueCodes.DuplicateStepName, step.JsonPath + ".Name",
                    $"{Who(step)} is defined more than once (first at {firstPathByName[name]}); step names must be unique across the whole definition, branches included.", step);
            }
        }

        if (!json.ContainsKey("Type"))
        {
            context.Error(IssueCodes.StepMissingType, step.JsonPath, $"{Who(step)} has no 'Type'.", step);
        }
        else if (context.ExpectKind(json, "Type", step.JsonPath, JsonKind.String, Who(step), step) && !step.IsKnownType)
        {
            context.Warning(IssueCodes.UnknownStepType, step.JsonPath + ".Type",
                $"{Who(step)} has type '{ValidationContext.Shorten(step.Type!)}', which the studio does not know; it is kept as written but not checked further.", step);
        }
    }

    private static void CheckFieldKinds(ValidationContext context, StepDefinition step)
    {
        var json = step.Json;
        var who = Who(step);
        foreach (var key in (string[])["DisplayName", "Description"])
        {
            context.ExpectKind(json, key, step.JsonPath, JsonKind.String, who, step);
        }

        foreach (var key in (string[])["RetryPolicies", "PropertyFiles", "OutputParameters"])
        {
            context.ExpectKind(json, key, step.JsonPath, JsonKind.Array, who, step);
        }

        context.ExpectKind(json, "Arguments", step.JsonPath, JsonKind.Object, who, step);
        context.ExpectKind(json, "CacheConfig", step.JsonPath, JsonKind.Object, who, step);
        context.ExpectKind(json, "FunctionArn", step.JsonPath, JsonKind.String | JsonKind.Object, who, step);
        context.ExpectKind(json, "SqsQueueUrl", step.JsonPath, JsonKind.String | JsonKind.Object, who, step);
        if (context.ExpectKind(json, "DependsOn", step.JsonPath, JsonKind.Array, who, step) && json["DependsOn"] is JsonArray dependsOn)
        {
            for (var i = 0; i < dependsOn.Count; i++)
            {
                if (JsonKinds.Of(dependsOn[i]) != JsonKind.String)
                {
                    context.Error(IssueCodes.WrongFieldType, $"{step.JsonPath}.DependsOn[{i}]",
                        $"{who}: DependsOn must list step names as strings; item {i} is {JsonKinds.Describe(dependsOn[i])}.", step);
                }
            }
        }
    }
}
