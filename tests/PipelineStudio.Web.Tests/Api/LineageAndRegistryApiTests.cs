using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Tests.Hosting;

namespace PipelineStudio.Web.Tests.Api;

/// <summary>The lineage, artifact and model-package endpoints of ARCHITECTURE §5 over a real SQLite file.</summary>
public sealed class LineageAndRegistryApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private const string ProblemJson = "application/problem+json";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(LineageEntity Data, LineageEntity Run, LineageEntity Model)> RecordAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow;
        var data = new LineageEntity(LineageIds.Artifact(LineageTypes.DataSet, "d" + suffix), LineageKind.Artifact, LineageTypes.DataSet, "data.csv", at, "s3://b/data.csv");
        var run = new LineageEntity(LineageIds.StepRun("ex" + suffix, "Train"), LineageKind.Action, "TrainingJob", "Train", at, ExecutionId: "ex" + suffix);
        var model = new LineageEntity(LineageIds.Artifact(LineageTypes.Model, "m" + suffix), LineageKind.Artifact, LineageTypes.Model, "model.tar.gz", at);
        await factory.Services.GetRequiredService<ILineageStore>().RecordAsync(
            [data, run, model],
            [new(data.Id, run.Id, AssociationTypes.ContributedTo), new(run.Id, model.Id, AssociationTypes.Produced)]);
        return (data, run, model);
    }

    [Fact]
    public async Task Lineage_UpstreamOfAModel_GivesNodesWithDepthAndEdges()
    {
        var (data, _, model) = await RecordAsync();

        var graph = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/{model.Id}?direction=upstream&depth=5");

        Assert.Equal(model.Id, graph.GetProperty("start").GetString());
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("depth").GetInt32());
        Assert.Equal(2, nodes[data.Id]);
        Assert.Equal(2, graph.GetProperty("edges").GetArrayLength());
        Assert.StartsWith("arn:aws:sagemaker:local:000000000000:artifact/", graph.GetProperty("nodes")[0].GetProperty("arn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineagePath_BetweenDataAndModel_IsInOrder()
    {
        var (data, run, model) = await RecordAsync();

        var path = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/path?from={data.Id}&to={model.Id}");

        Assert.Equal([data.Id, run.Id, model.Id], path.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/lineage/artifact-nope", HttpStatusCode.NotFound, "artifact-nope")]
    [InlineData("/api/v1/lineage/artifact-nope?direction=sideways", HttpStatusCode.BadRequest, "direction 'sideways'")]
    [InlineData("/api/v1/lineage/artifact-nope?depth=99", HttpStatusCode.BadRequest, "depth 99")]
    [InlineData("/api/v1/lineage/path?to=x", HttpStatusCode.BadRequest, "'from'")]
    [InlineData("/api/v1/artifacts", HttpStatusCode.BadRequest, "'uri'")]
    [InlineData("/api/v1/artifacts?uri=http://example.com/x", HttpStatusCode.BadRequest, "not an s3://bucket/key URI")]
    [InlineData("/api/v1/model-packages/no-such-group-7", HttpStatusCode.NotFound, "no-such-group-7")]
    public async Task BadRequests_AreProblemDetailsNamingTheProblem(string url, HttpStatusCode status, string named)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artifacts_AnObjectWithRecordedLineage_GivesItsHashAndLineageId()
    {
        var stored = await factory.Services.GetRequiredService<IArtifactStore>().PutTextAsync("s3://api-test/data/one.csv", "a,b\n" + Guid.NewGuid());
        var entity = new LineageEntity(LineageIds.Artifact(LineageTypes.DataSet, stored.ContentHash), LineageKind.Artifact, LineageTypes.DataSet, "one.csv",
            DateTimeOffset.UtcNow, stored.Uri, stored.ContentHash);
        await factory.Services.GetRequiredService<ILineageStore>().RecordAsync([entity], []);

        var artifacts = await _client.GetFromJsonAsync<JsonElement>("/api/v1/artifacts?uri=s3://api-test/data/");

        var artifact = Assert.Single(artifacts.EnumerateArray());
        Assert.Equal(stored.ContentHash, artifact.GetProperty("contentHash").GetString());
        Assert.Equal([entity.Id], artifact.GetProperty("lineageIds").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Approval_NeedsAValidStatusAndAComment_ThenIsInTheHistoryWithWhoAndWhy()
    {
        var group = "api-group-" + Guid.NewGuid().ToString("N")[..6];
        await factory.Services.GetRequiredService<IModelRegistry>().CreatePackageAsync(
            new NewModelPackage(group, ModelApprovalStatus.PendingManualApproval, "ex1", "Register", null, null));
        var id = $"{group}-1";

        var noComment = await _client.PostAsJsonAsync($"/api/v1/model-packages/{id}/approval", new { status = "Approved", comment = " " });
        var badStatus = await _client.PostAsJsonAsync($"/api/v1/model-packages/{id}/approval", new { status = "Maybe", comment = "hm" });
        var unknown = await _client.PostAsJsonAsync($"/api/v1/model-packages/{group}-9/approval", new { status = "Approved", comment = "ok" });
        var approved = await _client.PostAsJsonAsync($"/api/v1/model-packages/{id}/approval", new { status = "Approved", comment = "AUC 0.84 beats v0" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (noComment.StatusCode, badStatus.StatusCode, unknown.StatusCode));
        Assert.Contains("comment is required", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/model-packages/{id}");
        Assert.Equal("Approved", detail.GetProperty("package").GetProperty("approvalStatus").GetString());
        var change = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal(("test-user", "AUC 0.84 beats v0"), (change.GetProperty("changedBy").GetString(), change.GetProperty("comment").GetString()));
        var listed = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/model-packages?group={group}");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }
}
