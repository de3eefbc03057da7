using System.Text.Json.Nodes;

namespace PipelineStudio.Engine.Tests.Scheduling;

/// <summary>Small builders for pipeline definitions in tests.</summary>
internal static class Defs
{
    public static JsonObject Pipeline(params JsonObject[] steps) => PipelineWith([], steps);

    public static JsonObject PipelineWith(JsonArray parameters, params JsonObject[] steps) => new()
    {
        ["Version"] = "2020-12-01",
        ["Parameters"] = parameters,
        ["Steps"] = new JsonArray(steps.Select(s => (JsonNode)s).ToArray()),
    };

    public static JsonObject Step(string name, JsonObject? arguments = null, params string[] dependsOn)
    {
        var step = new JsonObject { ["Name"] = name, ["Type"] = "Processing", ["Arguments"] = arguments ?? new JsonObject() };
        if (dependsOn.Length > 0)
        {
            step["DependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray());
        }

        return step;
    }

    public static JsonObject Condition(string name, JsonArray conditions, JsonObject[] ifSteps, JsonObject[] elseSteps, params string[] dependsOn)
    {
        var step = new JsonObject
        {
            ["Name"] = name,
            ["Type"] = "Condition",
            ["Arguments"] = new JsonObject
            {
                ["Conditions"] = conditions,
                ["IfSteps"] = new JsonArray(ifSteps.Select(s => (JsonNode)s).ToArray()),
                ["ElseSteps"] = new JsonArray(elseSteps.Select(s => (JsonNode)s).ToArray()),
            },
        };
        if (dependsOn.Length > 0)
        {
            step["DependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray());
        }

        return step;
    }

    public static JsonArray EqualsCondition(JsonNode left, JsonNode right) =>
        [new JsonObject { ["Type"] = "Equals", ["LeftValue"] = left, ["RightValue"] = right }];

    public static JsonObject Get(string path) => new() { ["Get"] = path };

    public static JsonObject Parameter(string name, string type, JsonNode? defaultValue = null)
    {
        var parameter = new JsonObject { ["Name"] = name, ["Type"] = type };
        if (defaultValue is not null)
        {
            parameter["DefaultValue"] = defaultValue;
        }

        return parameter;
    }

    public static JsonObject Fail(string name, JsonNode message) =>
        new() { ["Name"] = name, ["Type"] = "Fail", ["Arguments"] = new JsonObject { ["ErrorMessage"] = message } };
}
