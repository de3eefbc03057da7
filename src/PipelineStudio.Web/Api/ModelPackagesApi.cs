using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Web.Api.Contracts;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Api;

/// <summary>REST model registry: packages by group, one package with its approval history, and approval changes.</summary>
public static class ModelPackagesApi
{
    public static IEndpointRouteBuilder MapModelPackagesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/model-packages").WithTags("Model registry");
        api.MapGet("/", ListAsync).WithName("ListModelPackages").WithSummary("Packages newest first, of one group (?group=) or of all.");
        api.MapGet("/{id}", GetAsync).WithName("GetModelPackage").WithSummary("A package (id: group-version, or its ARN) and its approval history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/approval", ChangeApprovalAsync).WithName("ChangeModelApproval")
            .WithSummary("Sets the approval status (PendingManualApproval, Approved, Rejected) with a required comment.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<ModelPackageResponse>>> ListAsync(IModelRegistry registry, CancellationToken cancellationToken, string? group = null)
    {
        var packages = await registry.ListPackagesAsync(string.IsNullOrWhiteSpace(group) ? null : group.Trim(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ModelPackageResponse>>([.. packages.Select(ModelPackageResponse.From)]);
    }

    public static async Task<Results<Ok<ModelPackageDetailResponse>, ProblemHttpResult>> GetAsync(string id, IModelRegistry registry, CancellationToken cancellationToken)
    {
        if (ModelPackageIds.ArnOf(id) is not { } arn || await registry.GetPackageAsync(arn, cancellationToken) is not { } package)
        {
            return PackageNotFound(id);
        }

        var history = await registry.ListApprovalHistoryAsync(arn, cancellationToken);
        return TypedResults.Ok(new ModelPackageDetailResponse(
            ModelPackageResponse.From(package),
            [.. history.Select(h => new ApprovalChangeResponse(h.From.ToString(), h.To.ToString(), h.ChangedBy, h.ChangedAt, h.Comment))]));
    }

    public static async Task<Results<Ok<ModelPackageResponse>, ProblemHttpResult>> ChangeApprovalAsync(
        string id, ApprovalBody? body, IModelRegistry registry, StudioUser user, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ModelApprovalStatus>(body?.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
        {
            return ExecutionProblems.BadQuery(
                $"status '{body?.Status}' is not one of {string.Join(", ", Enum.GetNames<ModelApprovalStatus>())}.");
        }

        if (string.IsNullOrWhiteSpace(body!.Comment))
        {
            return ExecutionProblems.BadQuery("comment is required: say why the approval status changes.");
        }

        if (ModelPackageIds.ArnOf(id) is not { } arn)
        {
            return PackageNotFound(id);
        }

        try
        {
            return TypedResults.Ok(ModelPackageResponse.From(await registry.ChangeApprovalAsync(arn, status, user.Name, body.Comment.Trim(), cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return PackageNotFound(id);
        }
    }

    private static ProblemHttpResult PackageNotFound(string id) =>
        ExecutionProblems.NotFound("Model package not found", $"There is no model package '{id}' (use group-version, e.g. churn-models-3, or the ARN).");
}
