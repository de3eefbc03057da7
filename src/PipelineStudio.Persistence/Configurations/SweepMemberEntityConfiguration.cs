using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class SweepMemberEntityConfiguration : IEntityTypeConfiguration<SweepMemberEntity>
{
    public void Configure(EntityTypeBuilder<SweepMemberEntity> builder)
    {
        builder.ToTable("SweepMembers");
        builder.HasKey(m => new { m.SweepId, m.Index });
        builder.Property(m => m.SweepId).HasMaxLength(SweepEntityConfiguration.IdMaxLength);
        builder.Property(m => m.ParametersJson).IsRequired();
        builder.Property(m => m.State).HasMaxLength(SweepEntityConfiguration.StateMaxLength).IsRequired();

        // Not a foreign key: a member names the execution it started, and an execution removed later must not take the sweep's history with it.
        builder.Property(m => m.ExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.HasIndex(m => m.ExecutionId);
    }
}
