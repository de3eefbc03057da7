using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class LineageEntityRowConfiguration : IEntityTypeConfiguration<LineageEntityRow>
{
    public const int IdMaxLength = 160;

    public void Configure(EntityTypeBuilder<LineageEntityRow> builder)
    {
        builder.ToTable("LineageEntities");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(IdMaxLength);
        builder.Property(e => e.Kind).HasMaxLength(16).IsRequired();
        builder.Property(e => e.Type).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Name).HasMaxLength(512).IsRequired();
        builder.Property(e => e.CreatedAt).IsRequired();
        builder.Property(e => e.ContentHash).HasMaxLength(128);

        // Search by URI or hash, and an execution's entities.
        builder.HasIndex(e => e.SourceUri);
        builder.HasIndex(e => e.ContentHash);
        builder.HasIndex(e => e.ExecutionId);
    }
}
