using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Editing;
using PipelineStudio.Core.Graph;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.TestSupport;
using PipelineStudio.TestSupport.Fakes;

namespace PipelineStudio.Core.Tests.Editing;

/// <summary>The must-show: an imported SDK-shaped definition, opened in the designer and saved unchanged, exports equal to the import.</summary>
public sealed class DesignerRoundTripTests
{
    public static TheoryData<string> Corpus() => [.. SampleDefinitions.CorpusNames];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Open_Unchanged_WritesJsonEqualToTheImport(string name)
    {
        var text = SampleDefinitions.ReadCorpus(name);

        var document = DesignerDocument.Parse(text).Document!;

        AssertJsonEqual(text, document.ToJson());
        Assert.False(document.IsDirty);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void EditThenUndo_WritesJsonEqualToTheImport(string name)
    {
        var text = SampleDefinitions.ReadCorpus(name);
        var document = DesignerDocument.Parse(text).Document!;
        var first = document.Definition.AllSteps[0].Name!;

        document.SetPositions(new Dictionary<string, NodePosition> { [first] = new(999, 999) });
        document.AddStep(new JsonObject { ["Name"] = "Extra", ["Type"] = StepTypes.Fail, ["Arguments"] = new JsonObject() }, StepLocation.TopLevel);
        document.RemoveSteps([first]);
        while (document.Undo())
        {
        }

        AssertJsonEqual(text, document.ToJson());
    }

    [Fact]
    public async Task SaveUnchanged_ThroughTheLibrary_StoresJsonEqualToTheImport()
    {
        var text = SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone);
        var store = new InMemoryPipelineStore();
        var library = new PipelineLibrary(store);
        var imported = await library.SaveAsync("abalone", text, "alice", "Imported");

        var opened = await store.GetLatestAsync("abalone");
        var document = DesignerDocument.Parse(opened!.DefinitionJson).Document!;
        var saved = await library.SaveAsync("abalone", document.ToJson(), "alice", "No changes", isImport: false,
            expectedLatestVersion: imported.Version!.Version);

        var stored = await store.GetVersionAsync("abalone", saved.Version!.Version);
        AssertJsonEqual(text, stored!.DefinitionJson);
        Assert.Equal(opened.DefinitionJson, stored.DefinitionJson);
    }

    [Fact]
    public async Task Save_AfterAConcurrentSave_RaisesTheConflict()
    {
        var text = SampleDefinitions.ReadCorpus(SampleDefinitions.Abalone);
        var store = new InMemoryPipelineStore();
        var library = new PipelineLibrary(store);
        await library.SaveAsync("abalone", text, "alice", "Imported");
        await library.SaveAsync("abalone", text, "bob", "Bob's save", isImport: false, expectedLatestVersion: 1);

        await Assert.ThrowsAsync<PipelineVersionConflictException>(() =>
            library.SaveAsync("abalone", text, "alice", "Mine", isImport: false, expectedLatestVersion: 1));
    }

    private static void AssertJsonEqual(string expected, string actual)
    {
        var difference = JsonEquality.FirstDifference(JsonNode.Parse(expected), JsonNode.Parse(actual));
        Assert.True(difference is null, difference);
    }
}
