using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class LineageAssociationRowConfiguration : IEntityTypeConfiguration<LineageAssociationRow>
{
    public void Configure(EntityTypeBuilder<LineageAssociationRow> builder)
    {
        builder.ToTable("LineageAssociations");

        // The key serves downstream walks (by source); the index serves upstream walks (by destination). Both cover the
        // type, which walks filter on.
        builder.HasKey(a => new { a.SourceId, a.DestinationId, a.Type });
        builder.Property(a => a.SourceId).HasMaxLength(LineageEntityRowConfiguration.IdMaxLength);
        builder.Property(a => a.DestinationId).HasMaxLength(LineageEntityRowConfiguration.IdMaxLength);
        builder.Property(a => a.Type).HasMaxLength(32);
        builder.HasIndex(a => new { a.DestinationId, a.SourceId, a.Type });
    }
}
