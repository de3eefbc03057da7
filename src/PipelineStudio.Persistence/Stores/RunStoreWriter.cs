using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// The run store's single writer with group commit: callers queue writes, one background loop drains whatever
/// is queued into ONE transaction on its own connection, commits, and only then completes each caller's task.
/// Many concurrent step updates thus share one commit instead of paying for one each.
/// </summary>
/// <remarks>
/// Durability: the connection runs in WAL mode with <c>synchronous=NORMAL</c>. A committed transaction is in the
/// WAL file (in the OS page cache at least) before its tasks complete, so it survives the process being killed
/// (SIGKILL, crash); only an OS crash or power loss can drop the last commits, which the engine's recovery
/// treats like an interrupted run. FULL would add an fsync per batch for that case only.
/// </remarks>
internal sealed class RunStoreWriter(Func<string> connectionString) : IAsyncDisposable
{
    // Keeps one transaction (and SQLite's write lock, which another process such as the CLI may be waiting for) short.
    private const int MaxBatchSize = 4096;

    private const int SqliteError = 1;

    private const int SqliteConstraint = 19;

    private readonly Channel<RunStoreWrite> _queue =
        Channel.CreateUnbounded<RunStoreWrite>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Dictionary<WriteKey, RunStoreWrite> _coalescing = [];
    private readonly Lock _lifecycle = new();
    private volatile Task? _loop;
    private bool _disposed;
    private string _path = "(not opened yet)";
    private SqliteConnection? _connection;
    private RunStoreCommands? _commands;

    /// <summary>Queues the write; the task completes once it is committed, or faults with a <see cref="StudioDatabaseException"/>.</summary>
    public Task EnqueueAsync(RunStoreWrite write)
    {
        if (_loop is null)
        {
            StartLoop();
        }

        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteRunStore), "The run store has been disposed; nothing more can be saved.");
        }

        return write.Completion;
    }

    /// <summary>Stops taking writes, commits everything already queued, and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_lifecycle)
        {
            _disposed = true;
            _queue.Writer.TryComplete();
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }
    }

    private void StartLoop()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteRunStore));
            _loop ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<RunStoreWrite>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                WriteBatch(batch);
                batch.Clear();
            }
        }
        finally
        {
            CloseConnection();
        }
    }

    /// <summary>Never throws: every outcome ends up in the writes' tasks, and the loop keeps running.</summary>
    private void WriteBatch(List<RunStoreWrite> batch)
    {
        try
        {
            CommitTogether(batch);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint && batch.Count > 1)
        {
            // One write broke a constraint (a step of an execution that is not stored, a duplicate execution):
            // redo the batch one write per transaction so that only the offending write fails.
            foreach (var write in batch)
            {
                WriteAlone(write);
            }

            return;
        }
        catch (Exception ex)
        {
            Fail(batch, ex);
            return;
        }

        foreach (var write in batch)
        {
            write.Succeed();
        }
    }

    private void WriteAlone(RunStoreWrite write)
    {
        try
        {
            CommitTogether([write]);
        }
        catch (Exception ex)
        {
            Fail([write], ex);
            return;
        }

        write.Succeed();
    }

    private void CommitTogether(IReadOnlyList<RunStoreWrite> writes)
    {
        var (connection, commands) = EnsureOpen();
        // BEGIN IMMEDIATE takes the write lock up front, waiting up to the busy timeout for another process's writer.
        using var transaction = connection.BeginTransaction(deferred: false);
        commands.Enlist(transaction);
        foreach (var write in RunStoreWrite.Coalesce(writes, _coalescing))
        {
            write.Apply(commands);
        }

        transaction.Commit();
    }

    private void Fail(IReadOnlyList<RunStoreWrite> writes, Exception error)
    {
        if (error is not SqliteException { SqliteErrorCode: SqliteConstraint })
        {
            // The connection may be unusable (I/O error, file replaced): open a fresh one for the next batch.
            CloseConnection();
        }

        foreach (var write in writes)
        {
            write.Fail(Explain(write, error));
        }
    }

    private StudioDatabaseException Explain(RunStoreWrite write, Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } constraint => new StudioDatabaseException(
            $"{write.Describe()} was not saved in the studio database '{_path}': it already exists, or it belongs to " +
            $"an execution or step that is not stored ({constraint.Message.TrimEnd('.')}).", constraint),
        SqliteException { SqliteErrorCode: SqliteError } missing when missing.Message.Contains("no such table", StringComparison.Ordinal) =>
            new StudioDatabaseException(
                $"{write.Describe()} was not saved: the studio database '{_path}' has no run tables " +
                $"({missing.Message.TrimEnd('.')}). Initialize it first (InitializeStudioDatabaseAsync applies the migrations).", missing),
        SqliteException sqlite => new StudioDatabaseException(
            $"{write.Describe()} was not saved. {StudioDatabaseErrors.Describe(_path, sqlite).Message}", sqlite),
        StudioDatabaseException studio => new StudioDatabaseException($"{write.Describe()} was not saved. {studio.Message}", studio),
        _ => new StudioDatabaseException(
            $"{write.Describe()} was not saved in the studio database '{_path}': {error.Message}", error),
    };

    private (SqliteConnection Connection, RunStoreCommands Commands) EnsureOpen()
    {
        if (_connection is not null && _commands is not null)
        {
            return (_connection, _commands);
        }

        var builder = new SqliteConnectionStringBuilder(connectionString())
        {
            // One long-lived connection owned by the loop; pooling would only hide it from ClearAllPools.
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)PersistenceServiceCollectionExtensions.BusyTimeout.TotalSeconds,
        };
        _path = builder.DataSource;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                // busy_timeout first: the other two may wait for another process that holds the file.
                pragmas.CommandText =
                    $"PRAGMA busy_timeout = {(long)PersistenceServiceCollectionExtensions.BusyTimeout.TotalMilliseconds}; " +
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                pragmas.ExecuteNonQuery();
            }

            _commands = new RunStoreCommands(connection);
            _connection = connection;
            return (connection, _commands);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void CloseConnection()
    {
        _commands?.Dispose();
        _commands = null;
        _connection?.Dispose();
        _connection = null;
    }
}
