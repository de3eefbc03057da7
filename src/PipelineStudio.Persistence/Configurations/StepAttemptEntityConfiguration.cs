using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class StepAttemptEntityConfiguration : IEntityTypeConfiguration<StepAttemptEntity>
{
    public void Configure(EntityTypeBuilder<StepAttemptEntity> builder)
    {
        builder.ToTable("StepAttempts");
        builder.HasKey(a => new { a.ExecutionId, a.StepName, a.Attempt });
        builder.Property(a => a.ExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.Property(a => a.StepName).HasMaxLength(StepRunEntityConfiguration.StepNameMaxLength);
        builder.Property(a => a.Status).HasMaxLength(ExecutionEntityConfiguration.StatusMaxLength).IsRequired();
        builder.Property(a => a.StartedAt).IsRequired();
        builder.Property(a => a.FailureKind).HasMaxLength(128);
    }
}
