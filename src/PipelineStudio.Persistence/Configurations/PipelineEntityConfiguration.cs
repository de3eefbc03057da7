using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class PipelineEntityConfiguration : IEntityTypeConfiguration<PipelineEntity>
{
    // SageMaker allows pipeline names up to 256 characters.
    public const int NameMaxLength = 256;

    public void Configure(EntityTypeBuilder<PipelineEntity> builder)
    {
        builder.ToTable("Pipelines");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(NameMaxLength).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.DisplayName).HasMaxLength(NameMaxLength);
        builder.Property(p => p.Description);
        builder.Property(p => p.CreatedAt).IsRequired();
        builder.Property(p => p.UpdatedAt).IsRequired();
        builder.HasMany(p => p.Versions)
            .WithOne(v => v.Pipeline)
            .HasForeignKey(v => v.PipelineId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
