using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class ModelPackageEntityConfiguration : IEntityTypeConfiguration<ModelPackageEntity>
{
    public void Configure(EntityTypeBuilder<ModelPackageEntity> builder)
    {
        builder.ToTable("ModelPackages");
        builder.HasKey(p => p.Id);
        // The last line of defence against two writers numbering the same version.
        builder.HasIndex(p => new { p.GroupId, p.Version }).IsUnique();
        builder.Property(p => p.Arn).HasMaxLength(256).IsRequired();
        builder.HasIndex(p => p.Arn).IsUnique();
        builder.Property(p => p.ApprovalStatus).HasMaxLength(32).IsRequired();
        builder.Property(p => p.CreatedAt).IsRequired();
        builder.HasIndex(p => p.CreatedAt);
        builder.Property(p => p.ExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength);
        builder.Property(p => p.StepName).HasMaxLength(StepRunEntityConfiguration.StepNameMaxLength);
        builder.HasMany(p => p.ApprovalChanges)
            .WithOne(c => c.Package)
            .HasForeignKey(c => c.PackageId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
