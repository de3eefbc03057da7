using System.Text.Json.Nodes;

namespace PipelineStudio.Core.Expressions;

/// <summary>
/// Evaluates the expressions of a definition for one execution: <c>{"Get"}</c> references,
/// <c>Std:Join</c>, <c>Std:JsonGet</c> (PropertyFile and S3Uri forms), the <c>PipelineStudio:</c>
/// extension functions (docs/extensions.md), and conditions. Pure: everything it reads comes from
/// the <see cref="EvaluationContext"/>. Every failure is an <see cref="ExpressionException"/> naming
/// the JSON path of the failing expression, built from the path the caller passes in (e.g. the
/// step's <c>$.Steps[3].Arguments</c>).
/// </summary>
public static class ExpressionEvaluator
{
    /// <summary>Evaluates <paramref name="node"/> located at <c>$</c>; see the overload taking a path.</summary>
    public static ValueTask<JsonNode?> EvaluateAsync(JsonNode? node, EvaluationContext context, CancellationToken cancellationToken = default) =>
        EvaluateAsync(node, "$", context, cancellationToken);

    /// <summary>
    /// Returns a NEW node (the input is never changed or re-parented) in which every expression is
    /// replaced by its value; literals are copied.
    /// </summary>
    /// <param name="jsonPath">Where <paramref name="node"/> sits in the definition; error messages extend it.</param>
    public static ValueTask<JsonNode?> EvaluateAsync(JsonNode? node, string jsonPath, EvaluationContext context, CancellationToken cancellationToken = default) =>
        new Evaluation(context, cancellationToken).EvaluateAsync(node, jsonPath, 0);

    /// <summary>Evaluates one condition located at <c>$</c>; see the overload taking a path.</summary>
    public static ValueTask<bool> EvaluateConditionAsync(JsonNode? condition, EvaluationContext context, CancellationToken cancellationToken = default) =>
        EvaluateConditionAsync(condition, "$", context, cancellationToken);

    /// <summary>
    /// Evaluates one condition object: Equals, GreaterThan(OrEqualTo), LessThan(OrEqualTo), In
    /// (<c>{QueryValue, Values}</c> or <c>{Value, In}</c>), Not, Or.
    /// </summary>
    public static ValueTask<bool> EvaluateConditionAsync(JsonNode? condition, string jsonPath, EvaluationContext context, CancellationToken cancellationToken = default) =>
        new Evaluation(context, cancellationToken).ConditionAsync(condition, jsonPath, 0);

    /// <summary>
    /// A Condition step's outcome: the AND of its <c>Arguments.Conditions</c> list, evaluated in order
    /// and stopping at the first false one.
    /// </summary>
    public static async ValueTask<bool> EvaluateConditionsAsync(JsonNode? conditions, string jsonPath, EvaluationContext context, CancellationToken cancellationToken = default)
    {
        if (conditions is not JsonArray list)
        {
            throw new ExpressionException(jsonPath, $"Conditions must be a list of condition objects; this is {ValueText.Describe(conditions)}.");
        }

        var evaluation = new Evaluation(context, cancellationToken);
        for (var i = 0; i < list.Count; i++)
        {
            if (!await evaluation.ConditionAsync(list[i], $"{jsonPath}[{i}]", 0).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }
}
