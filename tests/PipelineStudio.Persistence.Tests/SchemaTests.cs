using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Persistence.Entities;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<StudioDbContext> OpenContextAsync()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return await provider.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
    }

    private static PipelineVersionEntity Version(PipelineEntity pipeline, int number) => new()
    {
        Pipeline = pipeline, Version = number, DefinitionJson = "{}", Author = "a", Message = "m", ContentHash = "h",
    };

    [Fact]
    public async Task SaveChanges_DuplicateVersionNumberForOnePipeline_RejectedByUniqueIndex()
    {
        await using var db = await OpenContextAsync();
        var pipeline = new PipelineEntity { Name = "churn" };
        db.PipelineVersions.AddRange(Version(pipeline, 1), Version(pipeline, 1));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(StudioDatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task SaveChanges_SameVersionNumberInTwoPipelines_Accepted()
    {
        await using var db = await OpenContextAsync();
        db.PipelineVersions.AddRange(Version(new PipelineEntity { Name = "a" }, 1), Version(new PipelineEntity { Name = "b" }, 1));

        Assert.Equal(4, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_DuplicatePipelineName_RejectedByUniqueIndex()
    {
        await using var db = await OpenContextAsync();
        db.Pipelines.AddRange(new PipelineEntity { Name = "churn" }, new PipelineEntity { Name = "churn" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Equal(19, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);
    }

    [Theory]
    [InlineData(
        "SELECT * FROM StepRuns WHERE PipelineName = 'churn' AND StepName = 'Train' AND CacheKey = 'k' AND Status = 'Succeeded' " +
        "AND EndedAt >= 0 ORDER BY EndedAt DESC LIMIT 1",
        "IX_StepRuns_PipelineName_StepName_CacheKey_Status_EndedAt")]
    [InlineData("SELECT * FROM Executions WHERE Status IN ('Executing', 'Stopping') ORDER BY CreatedAt", "IX_Executions_Status_CreatedAt")]
    [InlineData("SELECT * FROM Executions WHERE PipelineName = 'churn' ORDER BY CreatedAt DESC LIMIT 20", "IX_Executions_PipelineName_CreatedAt")]
    [InlineData("SELECT * FROM StepRuns WHERE ExecutionId = 'x1' ORDER BY Ordinal", "IX_StepRuns_ExecutionId_Ordinal")]
    public async Task QueryPlan_RunStoreLookups_UseTheirIndexes(string sql, string index)
    {
        await using var db = await OpenContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
    }
}
