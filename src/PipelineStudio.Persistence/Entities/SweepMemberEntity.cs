namespace PipelineStudio.Persistence.Entities;

/// <summary>One planned execution of a sweep (see <see cref="Core.Sweeps.SweepMemberRecord"/>).</summary>
public sealed class SweepMemberEntity
{
    public required string SweepId { get; set; }

    public int Index { get; set; }

    /// <summary>The member's parameter values as a JSON object of strings.</summary>
    public required string ParametersJson { get; set; }

    public required string State { get; set; }

    public string? ExecutionId { get; set; }

    public string? Note { get; set; }

    public SweepEntity? Sweep { get; set; }
}
