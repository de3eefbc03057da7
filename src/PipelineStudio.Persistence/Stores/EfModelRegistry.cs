using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Entities;

namespace PipelineStudio.Persistence.Stores;

/// <summary>
/// <see cref="IModelRegistry"/> on EF Core. Safe as a singleton: every call uses its own short-lived context.
/// Creating a package and changing an approval hold SQLite's write lock from their first read to their commit,
/// so two writers (also in two processes) never number the same version or lose an approval change.
/// Approval history is listed oldest first.
/// </summary>
public sealed partial class EfModelRegistry(IDbContextFactory<StudioDbContext> contextFactory, TimeProvider timeProvider)
    : IModelRegistry
{
    /// <summary>Package ARNs are this prefix, the group name, a slash and the version.</summary>
    public const string ArnPrefix = "arn:aws:sagemaker:local:000000000000:model-package/";

    // See EfPipelineStore: the write lock prevents collisions; the retry covers filesystems with broken locking.
    private const int MaxCreateAttempts = 3;

    public static string ArnOf(string groupName, int version) => $"{ArnPrefix}{groupName}/{version}";

    public async Task<ModelPackageRecord> CreatePackageAsync(NewModelPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (string.IsNullOrEmpty(package.GroupName) || !GroupNamePattern().IsMatch(package.GroupName))
        {
            throw new ArgumentException(
                $"Model package group name '{package.GroupName}' is not valid: use 1 to 63 letters, digits and hyphens, " +
                "starting and ending with a letter or digit (SageMaker's rule).", nameof(package));
        }

        RequireDefined(package.ApprovalStatus, nameof(package));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunAsync(db => AppendPackageAsync(db, package, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException ex) when (StudioDatabaseErrors.IsUniqueViolation(ex))
            {
                if (attempt >= MaxCreateAttempts)
                {
                    throw new StudioDatabaseException(
                        $"A model package could not be added to group '{package.GroupName}': another writer took the same " +
                        $"version number {MaxCreateAttempts} times in a row. Try again.", ex);
                }
            }
        }
    }

    public Task<ModelPackageRecord?> GetPackageAsync(string arn, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            var row = await db.ModelPackages.AsNoTracking().Include(p => p.Group)
                .FirstOrDefaultAsync(p => p.Arn == arn, cancellationToken).ConfigureAwait(false);
            return row is null ? null : ToRecord(row);
        }, cancellationToken);

    public Task<IReadOnlyList<ModelPackageRecord>> ListPackagesAsync(string? groupName = null, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<ModelPackageRecord>>(async db =>
        {
            IQueryable<ModelPackageEntity> rows = db.ModelPackages.AsNoTracking().Include(p => p.Group);
            if (groupName is not null)
            {
                rows = rows.Where(p => p.Group.Name == groupName);
            }

            var list = await rows.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return list.ConvertAll(ToRecord);
        }, cancellationToken);

    /// <exception cref="ArgumentException">The comment or <paramref name="changedBy"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">No package has this ARN.</exception>
    public Task<ModelPackageRecord> ChangeApprovalAsync(
        string arn, ModelApprovalStatus status, string changedBy, string comment, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new ArgumentException(
                $"A comment is required to change the approval status of model package '{arn}' to {status}: say why.", nameof(comment));
        }

        if (string.IsNullOrWhiteSpace(changedBy))
        {
            throw new ArgumentException(
                $"Who changes the approval status of model package '{arn}' must be named (changedBy is empty).", nameof(changedBy));
        }

        RequireDefined(status, nameof(status));
        return RunAsync(db => RecordApprovalAsync(db, arn, status, changedBy.Trim(), comment.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<ApprovalChange>> ListApprovalHistoryAsync(string arn, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<ApprovalChange>>(async db =>
        {
            var rows = await db.ModelApprovalChanges.AsNoTracking()
                .Where(c => c.Package.Arn == arn)
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(c => new ApprovalChange(
                arn,
                ParseApproval(c.FromStatus, arn),
                ParseApproval(c.ToStatus, arn),
                c.ChangedBy,
                c.ChangedAt,
                c.Comment));
        }, cancellationToken);

    private async Task<ModelPackageRecord> AppendPackageAsync(StudioDbContext db, NewModelPackage package, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginImmediateAsync(db, cancellationToken).ConfigureAwait(false);
        var group = await db.ModelPackageGroups.SingleOrDefaultAsync(g => g.Name == package.GroupName, cancellationToken).ConfigureAwait(false);
        var latest = group is null
            ? 0
            : await db.ModelPackages.Where(p => p.GroupId == group.Id)
                .MaxAsync(p => (int?)p.Version, cancellationToken).ConfigureAwait(false) ?? 0;
        var now = timeProvider.GetUtcNow();
        group ??= db.ModelPackageGroups.Add(new ModelPackageGroupEntity { Name = package.GroupName, CreatedAt = now }).Entity;
        var row = new ModelPackageEntity
        {
            Group = group,
            Version = latest + 1,
            Arn = ArnOf(package.GroupName, latest + 1),
            ApprovalStatus = package.ApprovalStatus.ToString(),
            CreatedAt = now,
            ExecutionId = package.ExecutionId,
            StepName = package.StepName,
            InferenceSpecificationJson = package.InferenceSpecificationJson,
            ModelMetricsJson = package.ModelMetricsJson,
            Description = package.Description,
        };
        db.ModelPackages.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToRecord(row);
    }

    private async Task<ModelPackageRecord> RecordApprovalAsync(
        StudioDbContext db, string arn, ModelApprovalStatus status, string changedBy, string comment, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginImmediateAsync(db, cancellationToken).ConfigureAwait(false);
        var package = await db.ModelPackages.Include(p => p.Group)
            .SingleOrDefaultAsync(p => p.Arn == arn, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Model package '{arn}' does not exist.");
        var from = ParseApproval(package.ApprovalStatus, arn);
        package.ApprovalStatus = status.ToString();
        db.ModelApprovalChanges.Add(new ModelApprovalChangeEntity
        {
            Package = package,
            FromStatus = from.ToString(),
            ToStatus = status.ToString(),
            ChangedBy = changedBy,
            ChangedAt = timeProvider.GetUtcNow(),
            Comment = comment,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ToRecord(package);
    }

    // BEGIN IMMEDIATE: take the write lock before reading, so what was read is still true at commit.
    private static async Task<SqliteTransaction> BeginImmediateAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: false);
        await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    private static ModelPackageRecord ToRecord(ModelPackageEntity row) => new(
        row.Arn,
        row.Group.Name,
        row.Version,
        ParseApproval(row.ApprovalStatus, row.Arn),
        row.CreatedAt,
        row.ExecutionId,
        row.StepName,
        row.InferenceSpecificationJson,
        row.ModelMetricsJson,
        row.Description);

    private static ModelApprovalStatus ParseApproval(string stored, string arn) =>
        StatusNames.Parse<ModelApprovalStatus>(stored, $"Model package '{arn}'");

    private static void RequireDefined(ModelApprovalStatus status, string parameterName)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"Approval status {(int)status} is not one of {string.Join(", ", Enum.GetNames<ModelApprovalStatus>())}.", parameterName);
        }
    }

    private async Task<T> RunAsync<T>(Func<StudioDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            try
            {
                return await work(db).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), ex);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException inner && !StudioDatabaseErrors.IsUniqueViolation(ex))
            {
                throw StudioDatabaseErrors.Describe(StudioDatabaseErrors.PathOf(db), inner);
            }
        }
    }

    // SageMaker's ModelPackageGroupName pattern; it also keeps the ARN unambiguous.
    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex GroupNamePattern();
}
