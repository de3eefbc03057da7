using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>A model package; <c>id</c> (<c>group-version</c>) is what the package URLs take.</summary>
public sealed record ModelPackageResponse(
    string Id, string Arn, string Group, int Version, string ApprovalStatus, DateTimeOffset CreatedAt, string? ExecutionId, string? StepName,
    string? Description, string? InferenceSpecificationJson, string? ModelMetricsJson)
{
    public static ModelPackageResponse From(ModelPackageRecord p) => new(
        ModelPackageIds.IdOf(p), p.Arn, p.GroupName, p.Version, p.ApprovalStatus.ToString(), p.CreatedAt, p.ExecutionId, p.StepName, p.Description,
        p.InferenceSpecificationJson, p.ModelMetricsJson);
}

public sealed record ApprovalChangeResponse(string From, string To, string ChangedBy, DateTimeOffset ChangedAt, string Comment);

public sealed record ModelPackageDetailResponse(ModelPackageResponse Package, IReadOnlyList<ApprovalChangeResponse> History);

/// <summary>Body of <c>POST /api/v1/model-packages/{id}/approval</c>.</summary>
public sealed record ApprovalBody(string? Status, string? Comment);

/// <summary>Package ids in URLs: <c>churn-models-3</c> for version 3 of group <c>churn-models</c> (group names may hold hyphens, versions are the last part).</summary>
public static class ModelPackageIds
{
    public static string IdOf(ModelPackageRecord package) => $"{package.GroupName}-{package.Version}";

    /// <summary>The ARN for an id, or for an ARN passed as is; null when the text is neither.</summary>
    public static string? ArnOf(string id)
    {
        if (id.StartsWith("arn:", StringComparison.Ordinal))
        {
            return id;
        }

        var dash = id.LastIndexOf('-');
        return dash > 0 && int.TryParse(id[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? $"arn:aws:sagemaker:local:000000000000:model-package/{id[..dash]}/{version}"
            : null;
    }
}
