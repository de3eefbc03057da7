using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class StepRunEntityConfiguration : IEntityTypeConfiguration<StepRunEntity>
{
    // SageMaker step names are at most 64 characters; leave room for imported oddities.
    public const int StepNameMaxLength = 256;

    public void Configure(EntityTypeBuilder<StepRunEntity> builder)
    {
        builder.ToTable("StepRuns");
        builder.HasKey(s => new { s.ExecutionId, s.StepName });
        builder.Property(s => s.ExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.Property(s => s.StepName).HasMaxLength(StepNameMaxLength);
        builder.Property(s => s.PipelineName).HasMaxLength(PipelineEntityConfiguration.NameMaxLength).IsRequired();
        builder.Property(s => s.StepType).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(ExecutionEntityConfiguration.StatusMaxLength).IsRequired();
        builder.Property(s => s.CacheHitSourceExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.Property(s => s.SelectiveSourceExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.Property(s => s.CacheKey).HasMaxLength(128);

        // Definition order, and the next ordinal when a step is saved that was not created with the execution.
        builder.HasIndex(s => new { s.ExecutionId, s.Ordinal });
        // The cache lookup: equality on the first four columns, newest EndedAt read backwards from the index.
        builder.HasIndex(s => new { s.PipelineName, s.StepName, s.CacheKey, s.Status, s.EndedAt });

        builder.HasMany(s => s.Attempts)
            .WithOne(a => a.StepRun)
            .HasForeignKey(a => new { a.ExecutionId, a.StepName })
            .OnDelete(DeleteBehavior.Cascade);
    }
}
