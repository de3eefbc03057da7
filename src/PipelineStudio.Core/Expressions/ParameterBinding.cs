using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Parameter values for one execution, checked against the definition.
/// </summary>
/// <param name="Values">
/// Typed values by name, defaults filled in: Integer as <c>long</c>, Float as <c>double</c>,
/// Boolean as <c>bool</c>, String as <c>string</c>. Parameters with a problem are left out.
/// </param>
/// <param name="WireValues">
/// Every value as text, as SageMaker carries them: supplied values verbatim, defaults as their JSON
/// text (strings unquoted). What an <c>ExecutionRecord</c> stores.
/// </param>
/// <param name="Problems">One sentence per problem, naming the parameter; empty when the execution may start.</param>
public sealed record ParameterBinding(
    IReadOnlyDictionary<string, JsonNode?> Values,
    IReadOnlyDictionary<string, string> WireValues,
    IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
