using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Persistence.Entities;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests;

public sealed class TimeOrderingTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    [Fact]
    public async Task Query_OrderByAndFilterOnTimesWithDifferentOffsets_UsesTheInstant()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        var factory = provider.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        // 10:00+05:00 is 05:00Z: earlier than 09:00Z although its clock reading is later.
        var later = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var earlier = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(5));
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Pipelines.Add(new PipelineEntity { Name = "later", CreatedAt = later, UpdatedAt = later });
            db.Pipelines.Add(new PipelineEntity { Name = "earlier", CreatedAt = earlier, UpdatedAt = earlier });
            await db.SaveChangesAsync();
        }

        await using var reader = await factory.CreateDbContextAsync();
        var cutoff = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)); // 07:00Z
        var ordered = await reader.Pipelines.OrderBy(p => p.CreatedAt).Select(p => p.Name).ToListAsync();
        var afterCutoff = await reader.Pipelines.Where(p => p.CreatedAt > cutoff).Select(p => p.Name).ToListAsync();
        var stored = await reader.Pipelines.SingleAsync(p => p.Name == "earlier");

        Assert.Equal(["earlier", "later"], ordered);
        Assert.Equal(["later"], afterCutoff);
        Assert.Equal((earlier, TimeSpan.Zero), (stored.CreatedAt, stored.CreatedAt.Offset));
    }
}
