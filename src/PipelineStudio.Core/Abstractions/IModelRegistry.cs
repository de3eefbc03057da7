namespace PipelineStudio.Core.Abstractions;

/// <summary>SageMaker's ModelApprovalStatus values.</summary>
public enum ModelApprovalStatus
{
    PendingManualApproval,
    Approved,
    Rejected,
}

/// <summary>A versioned model package in a group, as RegisterModel creates it.</summary>
/// <param name="Arn">The package's ARN-like id, e.g. <c>arn:aws:sagemaker:local:000000000000:model-package/churn/3</c>.</param>
/// <param name="InferenceSpecificationJson">The RegisterModel step's InferenceSpecification, resolved.</param>
/// <param name="ModelMetricsJson">The step's ModelMetrics, resolved, when given.</param>
public sealed record ModelPackageRecord(
    string Arn,
    string GroupName,
    int Version,
    ModelApprovalStatus ApprovalStatus,
    DateTimeOffset CreatedAt,
    string? ExecutionId,
    string? StepName,
    string? InferenceSpecificationJson,
    string? ModelMetricsJson,
    string? Description = null);

/// <summary>A change of a package's approval status: who, when, why.</summary>
public sealed record ApprovalChange(string PackageArn, ModelApprovalStatus From, ModelApprovalStatus To, string ChangedBy, DateTimeOffset ChangedAt, string Comment);

public sealed record NewModelPackage(
    string GroupName,
    ModelApprovalStatus ApprovalStatus,
    string? ExecutionId,
    string? StepName,
    string? InferenceSpecificationJson,
    string? ModelMetricsJson,
    string? Description = null);

/// <summary>Model package groups and their versioned packages with approval status.</summary>
public interface IModelRegistry
{
    /// <summary>Creates the group when needed and appends the next version.</summary>
    Task<ModelPackageRecord> CreatePackageAsync(NewModelPackage package, CancellationToken cancellationToken = default);

    Task<ModelPackageRecord?> GetPackageAsync(string arn, CancellationToken cancellationToken = default);

    /// <summary>Packages newest first, of one group or of all.</summary>
    Task<IReadOnlyList<ModelPackageRecord>> ListPackagesAsync(string? groupName = null, CancellationToken cancellationToken = default);

    Task<ModelPackageRecord> ChangeApprovalAsync(string arn, ModelApprovalStatus status, string changedBy, string comment, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApprovalChange>> ListApprovalHistoryAsync(string arn, CancellationToken cancellationToken = default);
}
