using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Lineage;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

/// <summary>
/// Two runs of a small pipeline that share their raw dataset and code:
/// raw -> prep(run) -> train-data -> train(run) -> model, code -> prep, code -> train.
/// </summary>
public sealed class LineageStoreTests : IDisposable
{
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private static LineageEntity Artifact(string name, string type, string hash) =>
        new(LineageIds.Artifact(type, hash), LineageKind.Artifact, type, name, Runs.T0, $"s3://bucket/{name}", hash, 100);

    private static LineageEntity Run(string execution, string step) =>
        new(LineageIds.StepRun(execution, step), LineageKind.Action, "ProcessingJob", step, Runs.T0, ExecutionId: execution, StepName: step);

    private static readonly LineageEntity Raw = Artifact("raw.csv", LineageTypes.DataSet, "hash-raw");
    private static readonly LineageEntity Code = Artifact("code.py", LineageTypes.Code, "hash-code");

    private static (LineageEntity[] Entities, LineageAssociation[] Associations, LineageEntity Model) Execution(string id)
    {
        var prep = Run(id, "Prep");
        var train = Run(id, "Train");
        var data = Artifact($"{id}/train.csv", LineageTypes.DataSet, $"hash-train-{id}");
        var model = Artifact($"{id}/model.tar.gz", LineageTypes.Model, $"hash-model-{id}");
        return (
            [Raw, Code, prep, train, data, model],
            [
                new(Raw.Id, prep.Id, AssociationTypes.ContributedTo), new(Code.Id, prep.Id, AssociationTypes.ContributedTo),
                new(prep.Id, data.Id, AssociationTypes.Produced), new(data.Id, train.Id, AssociationTypes.ContributedTo),
                new(Code.Id, train.Id, AssociationTypes.ContributedTo), new(train.Id, model.Id, AssociationTypes.Produced),
                new(model.Id, data.Id, AssociationTypes.DerivedFrom),
            ],
            model);
    }

    private async Task<(ILineageStore Store, LineageEntity ModelA, LineageEntity ModelB)> TwoRunsAsync()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        var store = provider.GetRequiredService<ILineageStore>();
        var a = Execution("exa");
        var b = Execution("exb");
        await store.RecordAsync(a.Entities, a.Associations);
        await store.RecordAsync(b.Entities, b.Associations);
        await store.RecordAsync(a.Entities, a.Associations); // recording again changes nothing
        return (store, a.Model, b.Model);
    }

    [Fact]
    public async Task Upstream_FromAModel_ReachesTheSharedDatasetAndCodeWithEdges()
    {
        var (store, model, _) = await TwoRunsAsync();

        var graph = await store.QueryAsync(new LineageQuery(model.Id, LineageDirection.Upstream, MaxDepth: 10));

        var ids = graph.Nodes.Select(n => n.Entity.Id).ToHashSet();
        Assert.Contains(Raw.Id, ids);
        Assert.Contains(Code.Id, ids);
        Assert.Equal(6, ids.Count);
        Assert.Equal(0, graph.Nodes.Single(n => n.Entity.Id == model.Id).Depth);
        Assert.Equal(4, graph.Nodes.Single(n => n.Entity.Id == Raw.Id).Depth);
        Assert.Contains(graph.Edges, e => e.SourceId == Raw.Id && e.DestinationId == LineageIds.StepRun("exa", "Prep"));
        Assert.DoesNotContain(graph.Nodes, n => n.Entity.ExecutionId == "exb");
        Assert.False(graph.Truncated);
    }

    [Fact]
    public async Task Downstream_FromTheSharedDataset_ShowsBothRuns_AndDepthIsRespected()
    {
        var (store, modelA, modelB) = await TwoRunsAsync();

        var deep = await store.QueryAsync(new LineageQuery(Raw.Id, LineageDirection.Downstream, MaxDepth: 10));
        var shallow = await store.QueryAsync(new LineageQuery(Raw.Id, LineageDirection.Downstream, MaxDepth: 1));

        Assert.Contains(deep.Nodes, n => n.Entity.Id == modelA.Id);
        Assert.Contains(deep.Nodes, n => n.Entity.Id == modelB.Id);
        Assert.Equal(
            new[] { Raw.Id, LineageIds.StepRun("exa", "Prep"), LineageIds.StepRun("exb", "Prep") }.Order(StringComparer.Ordinal),
            shallow.Nodes.Select(n => n.Entity.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_KeepTheStartAndOnlyWhatMatches_ButWalkThroughEverything()
    {
        var (store, model, _) = await TwoRunsAsync();

        var datasets = await store.QueryAsync(new LineageQuery(model.Id, LineageDirection.Upstream, 10, EntityTypes: [LineageTypes.DataSet]));
        var produced = await store.QueryAsync(new LineageQuery(model.Id, LineageDirection.Upstream, 10, AssociationTypes: [AssociationTypes.Produced]));

        Assert.Equal([LineageTypes.DataSet, LineageTypes.DataSet, LineageTypes.Model], datasets.Nodes.Select(n => n.Entity.Type).Order());
        Assert.All(produced.Edges, e => Assert.Equal(AssociationTypes.Produced, e.Type));
        Assert.Equal(6, produced.Nodes.Count);
    }

    [Fact]
    public async Task Query_UnknownStartGivesNothing_AndTheNodeCapTruncates()
    {
        var (store, model, _) = await TwoRunsAsync();

        Assert.Empty((await store.QueryAsync(new LineageQuery("artifact-nope"))).Nodes);
        var capped = await store.QueryAsync(new LineageQuery(model.Id, LineageDirection.Upstream, 10, MaxNodes: 3));
        Assert.Equal(3, capped.Nodes.Count);
        Assert.True(capped.Truncated);
    }

    [Fact]
    public async Task FindPath_BetweenTheTwoModels_GoesThroughWhatTheyShare_InOrder()
    {
        var (store, modelA, modelB) = await TwoRunsAsync();

        var path = await store.FindPathAsync(modelA.Id, modelB.Id);

        Assert.Equal(modelA.Id, path.Nodes[0].Entity.Id);
        Assert.Equal(modelB.Id, path.Nodes[^1].Entity.Id);
        Assert.Contains(path.Nodes, n => n.Entity.Id == Code.Id);
        Assert.Equal(path.Nodes.Count - 1, path.Edges.Count);
        Assert.Equal(4, path.Edges.Count); // model <- train <- code -> train -> model
    }

    [Fact]
    public async Task FindPath_NoneWithinTheDepth_IsEmpty()
    {
        var (store, modelA, modelB) = await TwoRunsAsync();

        Assert.Empty((await store.FindPathAsync(modelA.Id, modelB.Id, maxDepth: 2)).Nodes);
        Assert.Empty((await store.FindPathAsync(modelA.Id, "artifact-nope")).Nodes);
    }

    [Fact]
    public async Task Search_ByUriNameOrHashPrefix()
    {
        var (store, _, _) = await TwoRunsAsync();

        Assert.Contains(await store.SearchAsync("s3://bucket/raw"), e => e.Id == Raw.Id);
        Assert.Contains(await store.SearchAsync("CODE.PY"), e => e.Id == Code.Id);
        Assert.Equal(2, (await store.SearchAsync("hash-model")).Count);
        Assert.Equal(Code, await store.GetAsync(Code.Id));
    }
}
