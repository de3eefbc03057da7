using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class ModelApprovalChangeEntityConfiguration : IEntityTypeConfiguration<ModelApprovalChangeEntity>
{
    public void Configure(EntityTypeBuilder<ModelApprovalChangeEntity> builder)
    {
        builder.ToTable("ModelApprovalChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.FromStatus).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ToStatus).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.ChangedAt).IsRequired();
        builder.Property(c => c.Comment).IsRequired();
        builder.HasIndex(c => new { c.PackageId, c.ChangedAt });
    }
}
