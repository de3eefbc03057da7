namespace PipelineStudio.Core.Sweeps;

/// <summary>How the varied parameters' values combine into parameter sets.</summary>
public enum SweepMode
{
    /// <summary>Every combination (the cartesian product), the first parameter varying slowest.</summary>
    Grid,

    /// <summary>The i-th value of every parameter together; the lists must be equally long.</summary>
    Zip,
}

/// <summary>A numeric range from <see cref="Start"/> to <see cref="Stop"/> (inclusive when a step lands on it).</summary>
/// <remarks>Decimal, not double, so 0.1 steps give 0.1, 0.2, 0.3 and never 0.30000000000000004.</remarks>
public sealed record SweepRange(decimal Start, decimal Stop, decimal Step);

/// <summary>One varied parameter: explicit values (as the text a user would type) or a numeric range.</summary>
public sealed record SweepAxis(string Parameter, IReadOnlyList<string>? Values = null, SweepRange? Range = null);

/// <summary>
/// What a user asked to sweep: the varied parameters, how they combine, and the values of the parameters that
/// stay fixed (missing ones take the pipeline's defaults).
/// </summary>
public sealed record SweepSpec(SweepMode Mode, IReadOnlyList<SweepAxis> Axes, IReadOnlyDictionary<string, string> Fixed);

/// <summary>One planned execution: its position and its parameter values, with the reasons it could not start.</summary>
public sealed record SweepMemberPlan(int Index, IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>The executions a spec expands to; <see cref="Problems"/> are about the spec as a whole (sizes, ranges).</summary>
public sealed record SweepPlan(IReadOnlyList<SweepMemberPlan> Members, IReadOnlyList<string> Problems)
{
    public int InvalidCount => Members.Count(m => !m.IsValid);

    /// <summary>Whether every planned execution may start: no spec problem, at least one member, none invalid.</summary>
    public bool CanLaunch => Problems.Count == 0 && Members.Count > 0 && InvalidCount == 0;
}
