using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PipelineStudio.Persistence.Stores;

/// <summary>One short-lived context per operation, with SQLite failures described in the studio's words.</summary>
internal static class StudioDbOperations
{
    public static async Task<T> RunAsync<T>(
        IDbContextFactory<StudioDbContext> contexts, Func<StudioDbContext, Task<T>> operation, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            try
            {
                return await operation(db).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), ex);
            }
        }
    }
}
