using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Core.Editing;

/// <summary>Where a step sits: at the top level of <c>Steps</c>, or in one branch of a Condition step.</summary>
public sealed record StepLocation(string? Condition, ConditionBranch? Branch)
{
    public static StepLocation TopLevel { get; } = new(null, null);

    public bool IsTopLevel => Condition is null;

    public static StepLocation InBranch(string condition, ConditionBranch branch) => new(condition, branch);

    public override string ToString() => Condition is null ? "the top level" : $"the {(Branch == ConditionBranch.Else ? "else" : "if")} branch of '{Condition}'";
}
