using Microsoft.Data.Sqlite;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// An open read connection with the walk statements compiled once. Compiling the recursive statement costs more
/// than running it on a typical lineage, so <see cref="SqliteLineageStore"/> keeps a few of these and rents them out.
/// </summary>
internal sealed class LineageWalker : IDisposable
{
    public LineageWalker(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        Upstream = Prepare(SqliteLineageStore.UpstreamSql, "$start", "$depth", "$cap");
        Downstream = Prepare(SqliteLineageStore.DownstreamSql, "$start", "$depth", "$cap");
        UpstreamNodesAndEdges = Prepare(SqliteLineageStore.UpstreamNodesAndEdgesSql, "$ids");
        DownstreamNodesAndEdges = Prepare(SqliteLineageStore.DownstreamNodesAndEdgesSql, "$ids");
    }

    public SqliteConnection Connection { get; }

    public SqliteCommand Upstream { get; }

    public SqliteCommand Downstream { get; }

    public SqliteCommand UpstreamNodesAndEdges { get; }

    public SqliteCommand DownstreamNodesAndEdges { get; }

    public void Dispose()
    {
        Upstream.Dispose();
        Downstream.Dispose();
        UpstreamNodesAndEdges.Dispose();
        DownstreamNodesAndEdges.Dispose();
        Connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}
