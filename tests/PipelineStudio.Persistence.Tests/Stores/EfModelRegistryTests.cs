using PipelineStudio.Core.Abstractions;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class EfModelRegistryTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private static NewModelPackage Package(string group, ModelApprovalStatus status = ModelApprovalStatus.PendingManualApproval) =>
        new(group, status, "x1", "RegisterModel", """{"Containers":[]}""", null, "a model");

    [Fact]
    public async Task CreatePackageAsync_SeveralGroups_NumbersVersionsPerGroup()
    {
        var registry = await _studio.OpenRegistryAsync();

        var churn1 = await registry.CreatePackageAsync(Package("churn"));
        var fraud1 = await registry.CreatePackageAsync(Package("fraud"));
        var churn2 = await registry.CreatePackageAsync(Package("churn", ModelApprovalStatus.Approved));

        Assert.Equal((1, 1, 2), (churn1.Version, fraud1.Version, churn2.Version));
        Assert.Equal("arn:aws:sagemaker:local:000000000000:model-package/churn/2", churn2.Arn);
        Assert.Equal(ModelApprovalStatus.Approved, churn2.ApprovalStatus);
        Assert.Equal(_studio.Clock.GetUtcNow(), churn2.CreatedAt);
    }

    [Fact]
    public async Task CreatePackageAsync_ConcurrentFromTwoProviders_NumbersWithoutGapsOrDuplicates()
    {
        IModelRegistry[] registries = [await _studio.OpenRegistryAsync(), await _studio.OpenRegistryAsync()];

        var created = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => registries[i % 2].CreatePackageAsync(Package("churn")))));

        Assert.Equal(Enumerable.Range(1, 12), created.Select(p => p.Version).Order());
    }

    [Fact]
    public async Task CreatePackageAsync_InvalidGroupName_ThrowsArgumentExceptionNamingIt()
    {
        var registry = await _studio.OpenRegistryAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => registry.CreatePackageAsync(Package("churn/model")));

        Assert.Contains("'churn/model'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await registry.ListPackagesAsync());
    }

    [Fact]
    public async Task GetPackageAsync_ByArn_ReturnsEveryFieldOrNull()
    {
        var registry = await _studio.OpenRegistryAsync();
        var created = await registry.CreatePackageAsync(Package("churn"));

        Assert.Equal(created, await registry.GetPackageAsync(created.Arn));
        Assert.Null(await registry.GetPackageAsync(EfModelRegistryArn("churn", 9)));
    }

    [Fact]
    public async Task ListPackagesAsync_GroupOrAll_NewestFirst()
    {
        var registry = await _studio.OpenRegistryAsync();
        await registry.CreatePackageAsync(Package("churn"));
        _studio.Clock.Advance(TimeSpan.FromMinutes(1));
        await registry.CreatePackageAsync(Package("fraud"));
        _studio.Clock.Advance(TimeSpan.FromMinutes(1));
        await registry.CreatePackageAsync(Package("churn"));

        Assert.Equal(["churn/2", "churn/1"], (await registry.ListPackagesAsync("churn")).Select(Short));
        Assert.Equal(["churn/2", "fraud/1", "churn/1"], (await registry.ListPackagesAsync()).Select(Short));
        Assert.Empty(await registry.ListPackagesAsync("none"));
    }

    [Fact]
    public async Task ChangeApprovalAsync_TwoChanges_UpdatesStatusAndRecordsHistoryInOrder()
    {
        var registry = await _studio.OpenRegistryAsync();
        var package = await registry.CreatePackageAsync(Package("churn"));
        var firstAt = _studio.Clock.GetUtcNow();

        var approved = await registry.ChangeApprovalAsync(package.Arn, ModelApprovalStatus.Approved, "alice", "AUC 0.91 on holdout");
        _studio.Clock.Advance(TimeSpan.FromHours(1));
        await registry.ChangeApprovalAsync(package.Arn, ModelApprovalStatus.Rejected, "bob", "Drift found");

        Assert.Equal(ModelApprovalStatus.Approved, approved.ApprovalStatus);
        Assert.Equal(ModelApprovalStatus.Rejected, (await registry.GetPackageAsync(package.Arn))!.ApprovalStatus);
        var history = await registry.ListApprovalHistoryAsync(package.Arn);
        Assert.Equal(
            [
                new ApprovalChange(package.Arn, ModelApprovalStatus.PendingManualApproval, ModelApprovalStatus.Approved, "alice", firstAt, "AUC 0.91 on holdout"),
                new ApprovalChange(package.Arn, ModelApprovalStatus.Approved, ModelApprovalStatus.Rejected, "bob", firstAt.AddHours(1), "Drift found"),
            ],
            history);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ChangeApprovalAsync_EmptyComment_ThrowsArgumentExceptionAndChangesNothing(string comment)
    {
        var registry = await _studio.OpenRegistryAsync();
        var package = await registry.CreatePackageAsync(Package("churn"));

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => registry.ChangeApprovalAsync(package.Arn, ModelApprovalStatus.Approved, "alice", comment));

        Assert.Equal("comment", error.ParamName);
        Assert.Contains("comment is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelApprovalStatus.PendingManualApproval, (await registry.GetPackageAsync(package.Arn))!.ApprovalStatus);
        Assert.Empty(await registry.ListApprovalHistoryAsync(package.Arn));
    }

    [Fact]
    public async Task ChangeApprovalAsync_UnknownArn_ThrowsKeyNotFoundNamingIt()
    {
        var registry = await _studio.OpenRegistryAsync();
        var arn = EfModelRegistryArn("churn", 1);

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => registry.ChangeApprovalAsync(arn, ModelApprovalStatus.Approved, "alice", "ok"));

        Assert.Contains(arn, error.Message, StringComparison.Ordinal);
    }

    private static string EfModelRegistryArn(string group, int version) => Persistence.Stores.EfModelRegistry.ArnOf(group, version);

    private static string Short(ModelPackageRecord package) => $"{package.GroupName}/{package.Version}";
}
