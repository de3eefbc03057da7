using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class PipelineVersionEntityConfiguration : IEntityTypeConfiguration<PipelineVersionEntity>
{
    public void Configure(EntityTypeBuilder<PipelineVersionEntity> builder)
    {
        builder.ToTable("PipelineVersions");
        builder.HasKey(v => v.Id);
        // The last line of defence against two writers numbering the same version.
        builder.HasIndex(v => new { v.PipelineId, v.Version }).IsUnique();
        builder.Property(v => v.DefinitionJson).IsRequired();
        builder.Property(v => v.OriginalJson);
        builder.Property(v => v.Author).HasMaxLength(256).IsRequired();
        builder.Property(v => v.Message).IsRequired();
        builder.Property(v => v.CreatedAt).IsRequired();
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(v => v.ContentHash);
    }
}
