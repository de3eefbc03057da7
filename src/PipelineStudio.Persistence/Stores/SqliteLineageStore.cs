using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// <see cref="ILineageStore"/> in plain SQL on pooled connections: a walk is one recursive query per direction that
/// returns the entities and the edges between them together (no N+1, no EF materialization on the hot path).
/// </summary>
public sealed partial class SqliteLineageStore(IDbContextFactory<StudioDbContext> contexts) : ILineageStore
{
    private const string EntityColumns = "e.Id, e.Kind, e.Type, e.Name, e.CreatedAt, e.SourceUri, e.ContentHash, e.Size, e.ExecutionId, e.StepName, e.PropertiesJson";
    private readonly Lazy<string> _connectionString = new(() =>
    {
        using var db = contexts.CreateDbContext();
        return db.Database.GetConnectionString() ?? throw new StudioDatabaseException("The studio database context has no connection string.");
    });

    public async Task RecordAsync(
        IReadOnlyCollection<LineageEntity> entities, IReadOnlyCollection<LineageAssociation> associations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(associations);
        await WithConnectionAsync(async connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var insertEntity = Command(connection,
                "INSERT INTO LineageEntities (Id, Kind, Type, Name, CreatedAt, SourceUri, ContentHash, Size, ExecutionId, StepName, PropertiesJson) " +
                "VALUES ($id, $kind, $type, $name, $createdAt, $sourceUri, $hash, $size, $executionId, $stepName, $properties) ON CONFLICT (Id) DO NOTHING;");
            insertEntity.Transaction = transaction;
            foreach (var entity in entities)
            {
                Bind(insertEntity, entity);
                await insertEntity.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var insertAssociation = Command(connection,
                "INSERT OR IGNORE INTO LineageAssociations (SourceId, DestinationId, Type) VALUES ($source, $destination, $type);");
            insertAssociation.Transaction = transaction;
            foreach (var association in associations)
            {
                insertAssociation.Parameters["$source"].Value = association.SourceId;
                insertAssociation.Parameters["$destination"].Value = association.DestinationId;
                insertAssociation.Parameters["$type"].Value = association.Type;
                await insertAssociation.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<LineageEntity?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        WithConnectionAsync(async connection =>
        {
            using var command = Command(connection, $"SELECT {EntityColumns} FROM LineageEntities e WHERE e.Id = $id;");
            command.Parameters["$id"].Value = id;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEntity(reader, 0) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<LineageEntity>> SearchAsync(string text, int limit = 50, CancellationToken cancellationToken = default) =>
        WithConnectionAsync<IReadOnlyList<LineageEntity>>(async connection =>
        {
            using var command = Command(connection,
                $"SELECT {EntityColumns} FROM LineageEntities e WHERE instr(e.Id, $text) > 0 OR instr(lower(e.Name), lower($text)) > 0 " +
                "OR instr(e.SourceUri, $text) > 0 OR e.ContentHash LIKE $prefix ORDER BY e.CreatedAt DESC LIMIT $limit;");
            command.Parameters["$text"].Value = text.Trim();
            command.Parameters["$prefix"].Value = text.Trim() + "%";
            command.Parameters["$limit"].Value = Math.Clamp(limit, 1, 500);
            var found = new List<LineageEntity>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(ReadEntity(reader, 0));
            }

            return found;
        }, cancellationToken);

    private static void Bind(SqliteCommand command, LineageEntity entity)
    {
        var p = command.Parameters;
        p["$id"].Value = entity.Id;
        p["$kind"].Value = entity.Kind.ToString();
        p["$type"].Value = entity.Type;
        p["$name"].Value = entity.Name;
        p["$createdAt"].Value = entity.CreatedAt.UtcTicks;
        p["$sourceUri"].Value = (object?)entity.SourceUri ?? DBNull.Value;
        p["$hash"].Value = (object?)entity.ContentHash ?? DBNull.Value;
        p["$size"].Value = (object?)entity.Size ?? DBNull.Value;
        p["$executionId"].Value = (object?)entity.ExecutionId ?? DBNull.Value;
        p["$stepName"].Value = (object?)entity.StepName ?? DBNull.Value;
        p["$properties"].Value = entity.Properties is { Count: > 0 } properties ? JsonSerializer.Serialize(properties) : DBNull.Value;
    }

    private static LineageEntity ReadEntity(SqliteDataReader reader, int at) => new(
        reader.GetString(at),
        Enum.TryParse<LineageKind>(reader.GetString(at + 1), out var kind) ? kind : LineageKind.Artifact,
        reader.GetString(at + 2),
        reader.GetString(at + 3),
        new DateTimeOffset(reader.GetInt64(at + 4), TimeSpan.Zero),
        reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5),
        reader.IsDBNull(at + 6) ? null : reader.GetString(at + 6),
        reader.IsDBNull(at + 7) ? null : reader.GetInt64(at + 7),
        reader.IsDBNull(at + 8) ? null : reader.GetString(at + 8),
        reader.IsDBNull(at + 9) ? null : reader.GetString(at + 9),
        reader.IsDBNull(at + 10) ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(at + 10)));

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterPattern().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString.Value);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return await operation(connection).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(connection.DataSource, ex);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$[A-Za-z]+")]
    private static partial System.Text.RegularExpressions.Regex ParameterPattern();
}
