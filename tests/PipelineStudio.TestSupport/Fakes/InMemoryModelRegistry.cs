using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.TestSupport.Fakes;

/// <summary>An in-memory <see cref="IModelRegistry"/> with versions per group and an approval history.</summary>
public sealed class InMemoryModelRegistry : IModelRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ModelPackageRecord> _packages = [];
    private readonly List<ApprovalChange> _history = [];

    public Task<ModelPackageRecord> CreatePackageAsync(NewModelPackage package, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var version = _packages.Count(p => p.GroupName == package.GroupName) + 1;
            var record = new ModelPackageRecord(
                $"arn:aws:sagemaker:local:000000000000:model-package/{package.GroupName.ToLowerInvariant()}/{version}",
                package.GroupName, version, package.ApprovalStatus, DateTimeOffset.UtcNow, package.ExecutionId, package.StepName,
                package.InferenceSpecificationJson, package.ModelMetricsJson, package.Description);
            _packages.Add(record);
            return Task.FromResult(record);
        }
    }

    public Task<ModelPackageRecord?> GetPackageAsync(string arn, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_packages.FirstOrDefault(p => p.Arn == arn));
        }
    }

    public Task<IReadOnlyList<ModelPackageRecord>> ListPackagesAsync(string? groupName = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ModelPackageRecord> result = _packages.Where(p => groupName is null || p.GroupName == groupName)
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Version).ToList();
            return Task.FromResult(result);
        }
    }

    public Task<ModelPackageRecord> ChangeApprovalAsync(string arn, ModelApprovalStatus status, string changedBy, string comment, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = _packages.FindIndex(p => p.Arn == arn);
            if (index < 0)
            {
                throw new KeyNotFoundException($"Model package '{arn}' does not exist.");
            }

            var old = _packages[index];
            _packages[index] = old with { ApprovalStatus = status };
            _history.Add(new ApprovalChange(arn, old.ApprovalStatus, status, changedBy, DateTimeOffset.UtcNow, comment));
            return Task.FromResult(_packages[index]);
        }
    }

    public Task<IReadOnlyList<ApprovalChange>> ListApprovalHistoryAsync(string arn, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ApprovalChange> result = _history.Where(h => h.PackageArn == arn).ToList();
            return Task.FromResult(result);
        }
    }
}
