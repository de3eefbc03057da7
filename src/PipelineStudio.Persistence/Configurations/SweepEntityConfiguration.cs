using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class SweepEntityConfiguration : IEntityTypeConfiguration<SweepEntity>
{
    public const int IdMaxLength = 64;

    // Long enough for every SweepMode, SweepStatus and SweepMemberState name.
    public const int StateMaxLength = 16;

    public const int CreatedByMaxLength = 256;

    public void Configure(EntityTypeBuilder<SweepEntity> builder)
    {
        builder.ToTable("Sweeps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(IdMaxLength);
        builder.Property(s => s.PipelineName).HasMaxLength(PipelineEntityConfiguration.NameMaxLength).IsRequired();
        builder.Property(s => s.Mode).HasMaxLength(StateMaxLength).IsRequired();
        builder.Property(s => s.SpecJson).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(StateMaxLength).IsRequired();
        builder.Property(s => s.CreatedAt).IsRequired();
        builder.Property(s => s.CreatedBy).HasMaxLength(CreatedByMaxLength).IsRequired();
        builder.Property(s => s.DisplayName).HasMaxLength(PipelineEntityConfiguration.NameMaxLength);

        // Listed newest first, all or per pipeline; the runner looks for Running ones at start.
        builder.HasIndex(s => s.CreatedAt);
        builder.HasIndex(s => new { s.PipelineName, s.CreatedAt });
        builder.HasIndex(s => s.Status);

        builder.HasMany(s => s.Members)
            .WithOne(m => m.Sweep)
            .HasForeignKey(m => m.SweepId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
