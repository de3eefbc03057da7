using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Configurations;

internal sealed class CallbackEntityConfiguration : IEntityTypeConfiguration<CallbackEntity>
{
    public const int TokenMaxLength = 64;

    public void Configure(EntityTypeBuilder<CallbackEntity> builder)
    {
        builder.ToTable("Callbacks");
        builder.HasKey(c => c.Token);
        builder.Property(c => c.Token).HasMaxLength(TokenMaxLength);
        builder.Property(c => c.ExecutionId).HasMaxLength(ExecutionEntityConfiguration.IdMaxLength).IsRequired();
        builder.Property(c => c.StepName).HasMaxLength(StepRunEntityConfiguration.StepNameMaxLength).IsRequired();
        builder.Property(c => c.IssuedAt).IsRequired();

        // A resumed step looks for the token it handed out before the restart.
        builder.HasIndex(c => new { c.ExecutionId, c.StepName, c.IssuedAt });
        builder.HasOne<ExecutionEntity>()
            .WithMany()
            .HasForeignKey(c => c.ExecutionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
