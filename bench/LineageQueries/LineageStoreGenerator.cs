using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Lineage;

/// <summary>
/// Writes a store shaped like <c>executions</c> runs of a 10-step chain: each step reads the previous step's output (the
/// first one a raw dataset shared by 1,000 runs), its step's code (one of 5 versions, shared) and the image, produces one
/// output, and is associated with its execution; the last output is a model derived from the first. 50 associations per run.
/// Bulk SQL in one transaction: the recording path is not what this measures.
/// </summary>
internal static class LineageStoreGenerator
{
    public const int StepsPerExecution = 10;

    public static (long Entities, long Associations) Generate(string connectionString, int executions)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var entity = connection.CreateCommand();
        entity.Transaction = transaction;
        entity.CommandText = "INSERT OR IGNORE INTO LineageEntities (Id, Kind, Type, Name, CreatedAt, SourceUri, ContentHash, ExecutionId, StepName) " +
            "VALUES ($id, $kind, $type, $name, 0, $uri, $hash, $execution, $step);";
        foreach (var name in new[] { "$id", "$kind", "$type", "$name", "$uri", "$hash", "$execution", "$step" })
        {
            entity.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        using var association = connection.CreateCommand();
        association.Transaction = transaction;
        association.CommandText = "INSERT OR IGNORE INTO LineageAssociations (SourceId, DestinationId, Type) VALUES ($s, $d, $t);";
        foreach (var name in new[] { "$s", "$d", "$t" })
        {
            association.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        long entities = 0, associations = 0;
        void Entity(string id, LineageKind kind, string type, string name, string? execution = null, string? step = null)
        {
            (entity.Parameters[0].Value, entity.Parameters[1].Value, entity.Parameters[2].Value, entity.Parameters[3].Value) = (id, kind.ToString(), type, name);
            (entity.Parameters[4].Value, entity.Parameters[5].Value) = ($"s3://bench/{name}", id);
            (entity.Parameters[6].Value, entity.Parameters[7].Value) = ((object?)execution ?? DBNull.Value, (object?)step ?? DBNull.Value);
            entities += entity.ExecuteNonQuery();
        }

        void Edge(string source, string destination, string type)
        {
            (association.Parameters[0].Value, association.Parameters[1].Value, association.Parameters[2].Value) = (source, destination, type);
            associations += association.ExecuteNonQuery();
        }

        var image = LineageIds.Artifact(LineageTypes.Image, "image");
        Entity(image, LineageKind.Artifact, LineageTypes.Image, "sklearn-image");
        for (var run = 0; run < executions; run++)
        {
            var execution = $"ex{run:D6}";
            var context = LineageIds.ExecutionContext(execution);
            Entity(context, LineageKind.Context, LineageTypes.PipelineExecution, execution, execution);
            var raw = LineageIds.Artifact(LineageTypes.DataSet, $"raw-{run / 1000}");
            Entity(raw, LineageKind.Artifact, LineageTypes.DataSet, $"raw-{run / 1000}.csv");
            var input = raw;
            for (var step = 0; step < StepsPerExecution; step++)
            {
                var action = LineageIds.StepRun(execution, $"Step{step}");
                var code = LineageIds.Artifact(LineageTypes.Code, $"code-{step}-v{run % 5}");
                var output = LineageIds.Artifact(step == StepsPerExecution - 1 ? LineageTypes.Model : LineageTypes.DataSet, $"{execution}-out-{step}");
                Entity(action, LineageKind.Action, "ProcessingJob", $"Step{step}", execution, $"Step{step}");
                Entity(code, LineageKind.Artifact, LineageTypes.Code, $"step{step}-v{run % 5}.py");
                Entity(output, LineageKind.Artifact, step == StepsPerExecution - 1 ? LineageTypes.Model : LineageTypes.DataSet, $"{execution}/out-{step}", execution, $"Step{step}");
                Edge(input, action, AssociationTypes.ContributedTo);
                Edge(code, action, AssociationTypes.ContributedTo);
                Edge(action, output, AssociationTypes.Produced);
                Edge(action, context, AssociationTypes.AssociatedWith);
                if (step < StepsPerExecution - 1)
                {
                    Edge(image, action, AssociationTypes.ContributedTo);
                }

                input = output;
            }

            Edge(input, raw, AssociationTypes.DerivedFrom);
        }

        transaction.Commit();
        return (entities, associations);
    }
}
