namespace PipelineStudio.Persistence.Entities;

/// <summary>A sweep (see <see cref="Core.Sweeps.SweepRecord"/>); enums are stored by name.</summary>
public sealed class SweepEntity
{
    public required string Id { get; set; }

    public required string PipelineName { get; set; }

    public int PipelineVersion { get; set; }

    public required string Mode { get; set; }

    /// <summary>The sweep spec as <see cref="Core.Sweeps.SweepSpecJson"/> writes it.</summary>
    public required string SpecJson { get; set; }

    public int Concurrency { get; set; }

    public bool FailFast { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? DisplayName { get; set; }

    public bool StopRequested { get; set; }

    public List<SweepMemberEntity> Members { get; set; } = [];
}
