using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// A prepared statement of the writer's connection run through SQLite's own API. The writer executes a few of these
/// several times per step; going through <see cref="SqliteCommand"/> would look every parameter up by name, convert
/// it to UTF-8 and allocate a binder for it on each execution, which was a tenth of the engine's CPU per step.
/// It runs inside whatever transaction the connection has open (SQLite transactions belong to the connection).
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private const int SqliteDone = 101;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(_statement); i++)
        {
            _parameters[raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()] = i;
        }
    }

    /// <summary>Binds a text value, or NULL.</summary>
    public RawStatement Text(string parameter, string? value)
    {
        var index = Index(parameter);
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));
        return this;
    }

    /// <summary>Binds an integer value, or NULL.</summary>
    public RawStatement Integer(string parameter, long? value)
    {
        var index = Index(parameter);
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement (which returns no rows) and gives the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != SqliteDone)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            // Ready for the next execution; the bindings stay and are all overwritten by the next one.
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private int Index(string parameter) =>
        _parameters.TryGetValue(parameter, out var index)
            ? index
            : throw new ArgumentException($"The statement has no parameter '{parameter}'.", nameof(parameter));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
