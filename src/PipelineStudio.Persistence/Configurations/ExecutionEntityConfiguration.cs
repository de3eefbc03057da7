using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class ExecutionEntityConfiguration : IEntityTypeConfiguration<ExecutionEntity>
{
    public const int IdMaxLength = 64;

    // Long enough for every ExecutionStatus / StepStatus name.
    public const int StatusMaxLength = 16;

    public const int OwnerIdMaxLength = 256;

    public void Configure(EntityTypeBuilder<ExecutionEntity> builder)
    {
        builder.ToTable("Executions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(IdMaxLength);
        builder.Property(e => e.PipelineName).HasMaxLength(PipelineEntityConfiguration.NameMaxLength).IsRequired();
        builder.Property(e => e.Status).HasMaxLength(StatusMaxLength).IsRequired();
        builder.Property(e => e.ParametersJson).IsRequired();
        builder.Property(e => e.CreatedAt).IsRequired();
        builder.Property(e => e.DisplayName).HasMaxLength(PipelineEntityConfiguration.NameMaxLength);
        builder.Property(e => e.SourceExecutionId).HasMaxLength(IdMaxLength);
        builder.Property(e => e.OwnerId).HasMaxLength(OwnerIdMaxLength);

        // Lists newest first: all, per pipeline, per status. (Status, CreatedAt) also finds unfinished executions.
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.PipelineName, e.CreatedAt });
        builder.HasIndex(e => new { e.Status, e.CreatedAt });

        // An engine renews and scans its own executions by owner.
        builder.HasIndex(e => e.OwnerId);

        builder.HasMany(e => e.Steps)
            .WithOne(s => s.Execution)
            .HasForeignKey(s => s.ExecutionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
