using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Graph;

namespace PipelineStudio.Web.Tests.Model;

/// <summary>Pipeline graphs from a few DependsOn lines, for tests of graph maths.</summary>
internal static class GraphBuilder
{
    /// <param name="steps">"B: A" means step B depends on A; "A" is a step with no dependencies. Order is definition order.</param>
    public static PipelineGraph Build(params string[] steps) => PipelineGraph.Build(Definition(steps));

    public static PipelineDefinition Definition(params string[] steps)
    {
        var json = new System.Text.StringBuilder("""{"Version":"2020-12-01","Parameters":[],"Steps":[""");
        for (var i = 0; i < steps.Length; i++)
        {
            var parts = steps[i].Split(':', 2, StringSplitOptions.TrimEntries);
            var dependsOn = parts.Length > 1
                ? string.Join(",", parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => $"\"{d}\""))
                : "";
            json.Append(i > 0 ? "," : "")
                .Append("{\"Name\":\"").Append(parts[0]).Append("\",\"Type\":\"Processing\",\"DependsOn\":[")
                .Append(dependsOn).Append("],\"Arguments\":{}}");
        }

        json.Append("]}");
        var (document, issue) = DefinitionJson.Parse(json.ToString());
        Assert.True(document is not null, issue?.Message);
        return PipelineDefinition.FromJson(document);
    }
}
