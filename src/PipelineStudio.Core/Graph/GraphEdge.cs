namespace PipelineStudio.Core.Graph;

/// <summary>Why one step must wait for another. Declared from strongest to weakest claim.</summary>
public enum EdgeKind
{
    /// <summary>An entry in the step's <c>DependsOn</c>.</summary>
    DependsOn,

    /// <summary>A <c>{"Get": "Steps.X..."}</c> inside the step.</summary>
    Reference,

    /// <summary>The step sits in its Condition's <c>IfSteps</c>.</summary>
    IfBranch,

    /// <summary>The step sits in its Condition's <c>ElseSteps</c>.</summary>
    ElseBranch,
}

/// <summary>A dependency: <paramref name="From"/> must finish before <paramref name="To"/> starts.</summary>
public sealed record GraphEdge(string From, string To, EdgeKind Kind);
