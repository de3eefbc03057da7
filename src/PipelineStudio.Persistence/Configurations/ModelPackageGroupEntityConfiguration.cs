using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class ModelPackageGroupEntityConfiguration : IEntityTypeConfiguration<ModelPackageGroupEntity>
{
    // SageMaker's ModelPackageGroupName limit.
    public const int NameMaxLength = 63;

    public void Configure(EntityTypeBuilder<ModelPackageGroupEntity> builder)
    {
        builder.ToTable("ModelPackageGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Name).HasMaxLength(NameMaxLength).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.CreatedAt).IsRequired();
        builder.HasMany(g => g.Packages)
            .WithOne(p => p.Group)
            .HasForeignKey(p => p.GroupId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
