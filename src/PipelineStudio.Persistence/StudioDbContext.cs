using Microsoft.EntityFrameworkCore;
using PipelineStudio.Persistence.Configurations;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence;

/// <summary>The studio's database: pipelines and their versions, executions with their step runs, attempts and callback tokens, sweeps, lineage, and the model registry.</summary>
public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options) : DbContext(options)
{
    public DbSet<PipelineEntity> Pipelines => Set<PipelineEntity>();

    public DbSet<PipelineVersionEntity> PipelineVersions => Set<PipelineVersionEntity>();

    public DbSet<ExecutionEntity> Executions => Set<ExecutionEntity>();

    public DbSet<StepRunEntity> StepRuns => Set<StepRunEntity>();

    public DbSet<StepAttemptEntity> StepAttempts => Set<StepAttemptEntity>();

    public DbSet<CallbackEntity> Callbacks => Set<CallbackEntity>();

    public DbSet<LineageEntityRow> LineageEntities => Set<LineageEntityRow>();

    public DbSet<LineageAssociationRow> LineageAssociations => Set<LineageAssociationRow>();

    public DbSet<SweepEntity> Sweeps => Set<SweepEntity>();

    public DbSet<SweepMemberEntity> SweepMembers => Set<SweepMemberEntity>();

    public DbSet<ModelPackageGroupEntity> ModelPackageGroups => Set<ModelPackageGroupEntity>();

    public DbSet<ModelPackageEntity> ModelPackages => Set<ModelPackageEntity>();

    public DbSet<ModelApprovalChangeEntity> ModelApprovalChanges => Set<ModelApprovalChangeEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
