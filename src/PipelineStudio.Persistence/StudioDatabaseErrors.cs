using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PipelineStudio.Persistence;

/// <summary>Turns SQLite failures into <see cref="StudioDatabaseException"/>s that name the file and the remedy.</summary>
internal static class StudioDatabaseErrors
{
    // Primary result codes from https://sqlite.org/rescode.html.
    private const int SqlitePermission = 3;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteNotADatabase = 26;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static StudioDatabaseException Describe(string path, SqliteException error)
    {
        // Microsoft.Data.Sqlite's message already reads "SQLite Error 26: 'file is not a database'.".
        var detail = $"({error.Message.TrimEnd('.')})";
        var message = error.SqliteErrorCode switch
        {
            SqliteCorrupt or SqliteNotADatabase =>
                $"The studio database '{path}' is not a SQLite database or is damaged {detail}. " +
                $"Move the file aside to start with an empty studio, or set {StudioDataDirectory.ConfigurationKey} to another folder.",
            SqlitePermission or SqliteReadOnly or SqliteCannotOpen or SqliteIoError or SqliteFull =>
                $"The studio database '{path}' cannot be opened for writing {detail}. " +
                $"Check that its folder exists, is writable and has free space, or set {StudioDataDirectory.ConfigurationKey} to another folder.",
            SqliteBusy or SqliteLocked =>
                $"The studio database '{path}' stayed locked by another process for longer than the busy timeout {detail}. Try again.",
            _ => $"The studio database '{path}' failed {detail}.",
        };
        return new StudioDatabaseException(message, error);
    }

    public static bool IsUniqueViolation(DbUpdateException error) =>
        error.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } inner
        && inner.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    /// <summary>The database file a context points at, for messages.</summary>
    public static string PathOf(DbContext db)
    {
        var connectionString = db.Database.GetConnectionString();
        return connectionString is null ? "(unknown)" : new SqliteConnectionStringBuilder(connectionString).DataSource;
    }
}
