using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Tests.Graph;

/// <summary>Small inline definitions for graph and descriptor tests.</summary>
internal static class TestDefinitions
{
    /// <summary>A definition whose <c>Steps</c> array is <paramref name="stepsJson"/>.</summary>
    public static PipelineDefinition FromSteps(string stepsJson) => Parse($$$"""{"Version":"2020-12-01","Steps":{{{stepsJson}}}}""");

    public static PipelineDefinition Parse(string definitionJson)
    {
        var (json, issue) = DefinitionJson.Parse(definitionJson);
        Assert.Null(issue);
        return PipelineDefinition.FromJson(json!);
    }

    /// <summary>A Training step with optional DependsOn names and extra argument JSON (e.g. a reference).</summary>
    public static string Step(string name, string[]? dependsOn = null, string arguments = "{}", string type = "Training")
    {
        var depends = dependsOn is null ? "" : $",\"DependsOn\":[{string.Join(",", dependsOn.Select(d => $"\"{d}\""))}]";
        return $$$"""{"Name":"{{{name}}}","Type":"{{{type}}}","Arguments":{{{arguments}}}{{{depends}}}}""";
    }

    /// <summary>Arguments holding one <c>{"Get": "Steps.&lt;step&gt;.&lt;path&gt;"}</c>.</summary>
    public static string ReadsFrom(string step, string path = "TrainingJobName") =>
        $$$"""{"Input":{"Get":"Steps.{{{step}}}.{{{path}}}"}}""";

    /// <summary>A chain of <paramref name="count"/> steps S0 → S1 → … through DependsOn.</summary>
    public static PipelineDefinition Chain(int count) =>
        FromSteps("[" + string.Join(",", Enumerable.Range(0, count).Select(i => Step($"S{i}", i == 0 ? null : [$"S{i - 1}"]))) + "]");
}
