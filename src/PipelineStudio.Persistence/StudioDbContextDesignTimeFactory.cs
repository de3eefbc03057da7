using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PipelineStudio.Persistence;

/// <summary>Used only by <c>dotnet ef</c> to build the model for migrations; the app composes the context in
/// <see cref="PersistenceServiceCollectionExtensions"/>.</summary>
internal sealed class StudioDbContextDesignTimeFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    public StudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
