using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Persistence.Tests.Support;

namespace PipelineStudio.Persistence.Tests.Stores;

public sealed class SqliteSweepStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly TempStudio _studio = new();

    public void Dispose() => _studio.Dispose();

    private async Task<ISweepStore> OpenAsync()
    {
        var provider = _studio.NewProvider();
        await provider.InitializeStudioDatabaseAsync();
        return provider.GetRequiredService<ISweepStore>();
    }

    private static SweepRecord Sweep(string id, string pipeline = "churn", DateTimeOffset? created = null) =>
        new(id, pipeline, 3, SweepMode.Zip, """{"mode":"Zip"}""", 2, FailFast: true, SweepStatus.Running, created ?? T0, "alice", DisplayName: "lr sweep");

    private static SweepMemberRecord[] Members(string id, int count) =>
        Enumerable.Range(0, count).Select(i => new SweepMemberRecord(id, i, new Dictionary<string, string> { ["Seed"] = $"{i}", ["Note"] = "a, b" }, SweepMemberState.Pending)).ToArray();

    [Fact]
    public async Task Create_ThenRead_FromAnotherProviderOnTheSameFile_GivesEverythingBack()
    {
        await (await OpenAsync()).CreateAsync(Sweep("s1"), Members("s1", 3));

        var store = await OpenAsync();
        var sweep = await store.GetAsync("s1");
        var members = await store.ListMembersAsync("s1");

        Assert.Equal(Sweep("s1"), sweep);
        Assert.Equal([0, 1, 2], members.Select(m => m.Index));
        Assert.Equal("2", members[2].Parameters["Seed"]);
        Assert.Equal("a, b", members[2].Parameters["Note"]);
        Assert.All(members, m => Assert.Equal(SweepMemberState.Pending, m.State));
    }

    [Fact]
    public async Task SaveMemberAndSweep_ChangeOnlyWhatMoves()
    {
        var store = await OpenAsync();
        await store.CreateAsync(Sweep("s1"), Members("s1", 2));

        await store.SaveMemberAsync(Members("s1", 2)[1] with { State = SweepMemberState.Failed, ExecutionId = "e9", Note = "Refused: x" });
        await store.SaveAsync(Sweep("s1") with { Status = SweepStatus.Failed, EndedAt = T0.AddMinutes(5), StopRequested = true });

        var member = (await store.ListMembersAsync("s1"))[1];
        Assert.Equal((SweepMemberState.Failed, "e9", "Refused: x"), (member.State, member.ExecutionId, member.Note));
        var sweep = await store.GetAsync("s1");
        Assert.Equal((SweepStatus.Failed, T0.AddMinutes(5), true), (sweep!.Status, sweep.EndedAt, sweep.StopRequested));
        Assert.Empty(await store.ListUnfinishedAsync());
    }

    [Fact]
    public async Task Save_UnknownSweepOrMember_SaysWhichIsMissing()
    {
        var store = await OpenAsync();
        await store.CreateAsync(Sweep("s1"), Members("s1", 1));

        var sweep = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(Sweep("nope")));
        var member = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveMemberAsync(Members("s1", 5)[4]));

        Assert.Contains("'nope' does not exist", sweep.Message, StringComparison.Ordinal);
        Assert.Contains("has no member 4", member.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NewestFirstWithMemberCountsAndPipelineFilter()
    {
        var store = await OpenAsync();
        await store.CreateAsync(Sweep("old", created: T0), Members("old", 2));
        await store.CreateAsync(Sweep("new", created: T0.AddHours(1)), Members("new", 3));
        await store.CreateAsync(Sweep("other", pipeline: "abalone", created: T0.AddHours(2)), Members("other", 1));
        await store.SaveMemberAsync(Members("new", 3)[0] with { State = SweepMemberState.Succeeded, ExecutionId = "e1" });

        var all = await store.ListAsync();
        var churn = await store.ListAsync("churn");
        var paged = await store.ListAsync(limit: 1, offset: 1);

        Assert.Equal(["other", "new", "old"], all.Select(s => s.Sweep.Id));
        Assert.Equal(["new", "old"], churn.Select(s => s.Sweep.Id));
        Assert.Equal(["new"], paged.Select(s => s.Sweep.Id));
        var counts = churn[0];
        Assert.Equal((3, 1, 1, 2), (counts.Total, counts.Finished, counts.Count(SweepMemberState.Succeeded), counts.Count(SweepMemberState.Pending)));
    }

    [Fact]
    public async Task ListUnfinished_GivesOnlyRunningSweeps()
    {
        var store = await OpenAsync();
        await store.CreateAsync(Sweep("running"), Members("running", 1));
        await store.CreateAsync(Sweep("done"), Members("done", 1));
        await store.SaveAsync(Sweep("done") with { Status = SweepStatus.Completed, EndedAt = T0 });

        Assert.Equal(["running"], (await store.ListUnfinishedAsync()).Select(s => s.Id));
    }
}
