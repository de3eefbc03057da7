using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Validation;

/// <summary>
/// Function objects: only Std:Join and Std:JsonGet exist in SageMaker (PS037); each must have its
/// arguments (PS038). <c>PipelineStudio:</c> functions belong to the extension namespace: known ones are
/// a warning (PS050, they cannot be exported to SageMaker), unknown ones an error (PS037).
/// </summary>
internal static class FunctionRules
{
    public static void Check(ValidationContext context)
    {
        var steps = context.Definition.AllSteps;
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var function in context.Scans[i].Functions)
            {
                CheckFunction(context, steps[i], function);
            }
        }

        if (context.Definition.PipelineExperimentConfig is JsonObject experiment)
        {
            foreach (var function in ExpressionScanner.Scan(experiment, "$.PipelineExperimentConfig").Functions)
            {
                CheckFunction(context, null, function);
            }
        }
    }

    private static void CheckFunction(ValidationContext context, StepDefinition? step, FunctionUse function)
    {
        var who = step is null ? "PipelineExperimentConfig" : StepRules.Who(step);
        var path = function.JsonPath + JsonRead.Member(function.Name);
        switch (function.Name)
        {
            case ExpressionScanner.Join:
                CheckJoin(context, step, who, function.Arguments, path);
                break;
            case ExpressionScanner.JsonGet:
                CheckJsonGet(context, step, who, function.Arguments, path);
                break;
            default:
                if (function.Name.StartsWith(ExpressionScanner.StdPrefix, StringComparison.Ordinal))
                {
                    context.Error(IssueCodes.UnknownFunction, function.JsonPath,
                        $"{who} uses function '{ValidationContext.Shorten(function.Name)}'; SageMaker knows only Std:Join and Std:JsonGet.", step);
                }
                else if (!ExtensionFunctions.IsKnown(function.Name))
                {
                    context.Error(IssueCodes.UnknownFunction, function.JsonPath,
                        $"{who} uses function '{ValidationContext.Shorten(function.Name)}', which is not a PipelineStudio extension (see docs/extensions.md).", step);
                }
                else
                {
                    // The local engine runs it; SageMaker would reject the definition, so say so before an export.
                    context.Warning(IssueCodes.ExtensionNotExportable, function.JsonPath,
                        $"{who} uses the studio extension '{function.Name}'; it runs locally but SageMaker rejects it on export.", step);
                }

                break;
        }
    }

    private static void CheckJoin(ValidationContext context, StepDefinition? step, string who, JsonNode? arguments, string path)
    {
        if (arguments is not JsonObject args || args["Values"] is not JsonArray)
        {
            context.Error(IssueCodes.MalformedFunction, path,
                $"{who}: Std:Join needs an object with a 'Values' array (and usually 'On', the separator).", step);
            return;
        }

        if (args.ContainsKey("On") && JsonKinds.Of(args["On"]) != JsonKind.String)
        {
            context.Error(IssueCodes.MalformedFunction, path + ".On", $"{who}: Std:Join's 'On' must be a string.", step);
        }
    }

    private static void CheckJsonGet(ValidationContext context, StepDefinition? step, string who, JsonNode? arguments, string path)
    {
        if (arguments is not JsonObject args)
        {
            context.Error(IssueCodes.MalformedFunction, path, $"{who}: Std:JsonGet needs an object with 'Path' and one of 'PropertyFile' or 'S3Uri'.", step);
            return;
        }

        var hasFile = args.ContainsKey("PropertyFile");
        var hasUri = args.ContainsKey("S3Uri");
        if (hasFile == hasUri)
        {
            context.Error(IssueCodes.MalformedFunction, path,
                $"{who}: Std:JsonGet needs exactly one of 'PropertyFile' or 'S3Uri'; it has {(hasFile ? "both" : "neither")}.", step);
        }
        else if (hasFile && !IsPropertyFileGet(args["PropertyFile"]))
        {
            context.Error(IssueCodes.MalformedFunction, path + ".PropertyFile",
                $"{who}: Std:JsonGet's PropertyFile must be {{\"Get\": \"Steps.<step>.PropertyFiles.<name>\"}}.", step);
        }
        else if (hasUri && !JsonKinds.Matches(args["S3Uri"], JsonKind.String | JsonKind.Object))
        {
            context.Error(IssueCodes.MalformedFunction, path + ".S3Uri", $"{who}: Std:JsonGet's S3Uri must be a string or an expression.", step);
        }

        if (JsonKinds.Of(args["Path"]) != JsonKind.String)
        {
            context.Error(IssueCodes.MalformedFunction, path, $"{who}: Std:JsonGet needs a 'Path' string, the JSON path to read.", step);
        }
    }

    private static bool IsPropertyFileGet(JsonNode? node) =>
        node is JsonObject { Count: 1 } get
        && JsonRead.String(get, ExpressionScanner.GetKey) is { } path
        && ExpressionReference.Parse(path, "").IsPropertyFile;
}
