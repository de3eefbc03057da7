using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// The writer connection's prepared statements. Upserts (never INSERT OR REPLACE, which would delete the row
/// and cascade to its steps and attempts) keep the column values of the last write of each record.
/// Column names must match the EF configurations in <c>Configurations/</c>.
/// </summary>
internal sealed partial class RunStoreCommands : IDisposable
{
    private const string ExecutionColumns =
        "Id, PipelineName, PipelineVersion, Status, ParametersJson, CreatedAt, EndedAt, FailureReason, " +
        "DisplayName, MaxParallelSteps, SourceExecutionId, SelectedStepsJson, OwnerId, LeaseExpiresAt";

    private const string ExecutionValues =
        "$Id, $PipelineName, $PipelineVersion, $Status, $ParametersJson, $CreatedAt, $EndedAt, $FailureReason, " +
        "$DisplayName, $MaxParallelSteps, $SourceExecutionId, $SelectedStepsJson, $OwnerId, $LeaseExpiresAt";

    private const string InsertExecutionSql = $"INSERT INTO Executions ({ExecutionColumns}) VALUES ({ExecutionValues});";

    // The owner and lease are written when the row is created and afterwards only by SqliteExecutionLeases, so a
    // save of an older record never undoes a takeover.
    private const string UpsertExecutionSql =
        $"INSERT INTO Executions ({ExecutionColumns}) VALUES ({ExecutionValues}) " +
        "ON CONFLICT (Id) DO UPDATE SET PipelineName = excluded.PipelineName, PipelineVersion = excluded.PipelineVersion, " +
        "Status = excluded.Status, ParametersJson = excluded.ParametersJson, CreatedAt = excluded.CreatedAt, " +
        "EndedAt = excluded.EndedAt, FailureReason = excluded.FailureReason, DisplayName = excluded.DisplayName, " +
        "MaxParallelSteps = excluded.MaxParallelSteps, SourceExecutionId = excluded.SourceExecutionId, " +
        "SelectedStepsJson = excluded.SelectedStepsJson;";

    private const string StepStateAssignments =
        "StepType = $StepType, Status = $Status, QueuedAt = $QueuedAt, StartedAt = $StartedAt, EndedAt = $EndedAt, " +
        "AttemptCount = $AttemptCount, FailureReason = $FailureReason, CacheHitSourceExecutionId = $CacheHitSourceExecutionId, " +
        "SelectiveSourceExecutionId = $SelectiveSourceExecutionId, PropertiesJson = $PropertiesJson, " +
        "MetadataJson = $MetadataJson, CacheKey = $CacheKey";

    // Most step writes are state changes of an existing row: a primary key update, without the insert's lookups.
    private const string UpdateStepSql =
        $"UPDATE StepRuns SET {StepStateAssignments} WHERE ExecutionId = $ExecutionId AND StepName = $StepName;";

    // A step saved without an ordinal (one the execution was not created with) goes after the others; its
    // pipeline name comes from its execution, and a missing execution fails the NOT NULL and foreign key checks.
    // COALESCE evaluates the subqueries only when the parameter is null.
    private const string UpsertStepSql =
        "INSERT INTO StepRuns (ExecutionId, StepName, Ordinal, PipelineName, StepType, Status, QueuedAt, StartedAt, " +
        "EndedAt, AttemptCount, FailureReason, CacheHitSourceExecutionId, SelectiveSourceExecutionId, PropertiesJson, " +
        "MetadataJson, CacheKey) VALUES ($ExecutionId, $StepName, " +
        "COALESCE($Ordinal, (SELECT MAX(Ordinal) + 1 FROM StepRuns WHERE ExecutionId = $ExecutionId), 0), " +
        "COALESCE($PipelineName, (SELECT PipelineName FROM Executions WHERE Id = $ExecutionId)), " +
        "$StepType, $Status, $QueuedAt, $StartedAt, $EndedAt, $AttemptCount, $FailureReason, " +
        "$CacheHitSourceExecutionId, $SelectiveSourceExecutionId, $PropertiesJson, $MetadataJson, $CacheKey) " +
        $"ON CONFLICT (ExecutionId, StepName) DO UPDATE SET {StepStateAssignments};";

    private const string UpsertAttemptSql =
        "INSERT INTO StepAttempts (ExecutionId, StepName, Attempt, Status, StartedAt, EndedAt, FailureReason, FailureKind) " +
        "VALUES ($ExecutionId, $StepName, $Attempt, $Status, $StartedAt, $EndedAt, $FailureReason, $FailureKind) " +
        "ON CONFLICT (ExecutionId, StepName, Attempt) DO UPDATE SET Status = excluded.Status, " +
        "StartedAt = excluded.StartedAt, EndedAt = excluded.EndedAt, FailureReason = excluded.FailureReason, " +
        "FailureKind = excluded.FailureKind;";

    private readonly SqliteCommand _insertExecution;
    private readonly SqliteCommand _upsertExecution;
    private readonly RawStatement _updateStep;
    private readonly RawStatement _upsertStep;
    private readonly RawStatement _upsertAttempt;

    public RunStoreCommands(SqliteConnection connection)
    {
        _insertExecution = Prepare(connection, InsertExecutionSql);
        _upsertExecution = Prepare(connection, UpsertExecutionSql);
        _updateStep = new RawStatement(connection, UpdateStepSql);
        _upsertStep = new RawStatement(connection, UpsertStepSql);
        _upsertAttempt = new RawStatement(connection, UpsertAttemptSql);
    }

    /// <summary>Microsoft.Data.Sqlite requires every command to name the connection's open transaction (raw statements need not).</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        _insertExecution.Transaction = transaction;
        _upsertExecution.Transaction = transaction;
    }

    /// <summary>Fails with a primary key violation when the execution already exists.</summary>
    public void InsertExecution(ExecutionRecord execution, string parametersJson, string? selectedStepsJson) =>
        SetExecution(_insertExecution, execution, parametersJson, selectedStepsJson).ExecuteNonQuery();

    public void UpsertExecution(ExecutionRecord execution, string parametersJson, string? selectedStepsJson) =>
        SetExecution(_upsertExecution, execution, parametersJson, selectedStepsJson).ExecuteNonQuery();

    /// <param name="step">The step's state.</param>
    /// <param name="ordinal">The step's position in the definition; null keeps a stored one or appends.</param>
    /// <param name="pipelineName">The execution's pipeline; null looks it up.</param>
    public void UpsertStep(StepRecord step, int? ordinal, string? pipelineName)
    {
        if (ordinal is null && pipelineName is null && SetStep(_updateStep, step).Execute() > 0)
        {
            return;
        }

        SetStep(_upsertStep, step).Integer("$Ordinal", ordinal).Text("$PipelineName", pipelineName).Execute();
    }

    public void UpsertAttempt(AttemptRecord attempt) =>
        _upsertAttempt
            .Text("$ExecutionId", attempt.ExecutionId)
            .Text("$StepName", attempt.StepName)
            .Integer("$Attempt", attempt.Attempt)
            .Text("$Status", StatusNames.Of(attempt.Status))
            .Integer("$StartedAt", attempt.StartedAt.UtcTicks)
            .Integer("$EndedAt", attempt.EndedAt?.UtcTicks)
            .Text("$FailureReason", attempt.FailureReason)
            .Text("$FailureKind", attempt.FailureKind)
            .Execute();

    public void Dispose()
    {
        _insertExecution.Dispose();
        _upsertExecution.Dispose();
        _updateStep.Dispose();
        _upsertStep.Dispose();
        _upsertAttempt.Dispose();
    }

    // Times are stored as UTC ticks, like UtcTicksConverter does for EF.
    private static RawStatement SetStep(RawStatement statement, StepRecord step) =>
        statement
            .Text("$ExecutionId", step.ExecutionId)
            .Text("$StepName", step.StepName)
            .Text("$StepType", step.StepType)
            .Text("$Status", StatusNames.Of(step.Status))
            .Integer("$QueuedAt", step.QueuedAt?.UtcTicks)
            .Integer("$StartedAt", step.StartedAt?.UtcTicks)
            .Integer("$EndedAt", step.EndedAt?.UtcTicks)
            .Integer("$AttemptCount", step.AttemptCount)
            .Text("$FailureReason", step.FailureReason)
            .Text("$CacheHitSourceExecutionId", step.CacheHitSourceExecutionId)
            .Text("$SelectiveSourceExecutionId", step.SelectiveSourceExecutionId)
            .Text("$PropertiesJson", step.PropertiesJson)
            .Text("$MetadataJson", step.MetadataJson)
            .Text("$CacheKey", step.CacheKey);

    private static SqliteCommand SetExecution(
        SqliteCommand command, ExecutionRecord execution, string parametersJson, string? selectedStepsJson)
    {
        var p = command.Parameters;
        p["$Id"].Value = execution.Id;
        p["$PipelineName"].Value = execution.PipelineName;
        p["$PipelineVersion"].Value = execution.PipelineVersion;
        p["$Status"].Value = StatusNames.Of(execution.Status);
        p["$ParametersJson"].Value = parametersJson;
        p["$CreatedAt"].Value = execution.CreatedAt.UtcTicks;
        p["$EndedAt"].Value = Ticks(execution.EndedAt);
        p["$FailureReason"].Value = Db(execution.FailureReason);
        p["$DisplayName"].Value = Db(execution.DisplayName);
        p["$MaxParallelSteps"].Value = Db(execution.MaxParallelSteps);
        p["$SourceExecutionId"].Value = Db(execution.SourceExecutionId);
        p["$SelectedStepsJson"].Value = Db(selectedStepsJson);
        p["$OwnerId"].Value = Db(execution.OwnerId);
        p["$LeaseExpiresAt"].Value = Ticks(execution.LeaseExpiresAt);
        return command;
    }

    // Times are stored as UTC ticks, like UtcTicksConverter does for EF.
    private static object Ticks(DateTimeOffset? value) => value is { } time ? time.UtcTicks : DBNull.Value;

    private static object Db(object? value) => value ?? DBNull.Value;

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterPattern().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        // Compiled once per connection; every later execution only binds values.
        command.Prepare();
        return command;
    }

    [GeneratedRegex(@"\$[A-Za-z]+")]
    private static partial Regex ParameterPattern();
}
