using PipelineStudio.Core.Lineage;
using PipelineStudio.Web.Model.Lineage;

namespace PipelineStudio.Web.Tests.Model;

public class LineageViewStateTests
{
    [Fact]
    public void ToQueryString_ThenParse_GivesTheSameState()
    {
        var state = new LineageViewState(LineageDirection.Upstream, 4, ["DataSet", "Model"], ["a", "b"], ["c"], GroupArtifacts: true);

        var query = state.ToQueryString();
        var parsed = LineageViewState.Parse("upstream", 4, "DataSet,Model", "a,b", "c", true);

        Assert.Equal("direction=upstream&depth=4&types=DataSet,Model&selected=a,b&expanded=c&group=true", query);
        Assert.Equal(query, parsed.ToQueryString());
    }

    [Fact]
    public void Parse_BadValues_FallBackToDefaultsAndKeepTwoSelected()
    {
        var state = LineageViewState.Parse("sideways", 99, " ", "a,b,c,a", "x,x", null);

        Assert.Equal(LineageDirection.Both, state.Direction);
        Assert.Equal(LineageViewState.DefaultDepth, state.Depth);
        Assert.Null(state.Types);
        Assert.Equal(["a", "b"], state.Selected.ToArray());
        Assert.Equal(["x"], state.Expanded.ToArray());
        Assert.False(state.GroupArtifacts);
    }

    [Fact]
    public void Select_WithAddToPath_KeepsTheFirstAndReplacesTheSecond()
    {
        var state = new LineageViewState().Select("a", addToPath: true).Select("b", addToPath: true).Select("c", addToPath: true);

        Assert.Equal(["a", "c"], state.Selected.ToArray());
        Assert.Equal(["d"], state.Select("d", addToPath: false).Selected.ToArray());
        Assert.Empty(state.Select(null, addToPath: false).Selected);
    }

    [Fact]
    public void ToggleType_HidesOneThenShowingItAgainMeansAll()
    {
        string[] all = ["Code", "DataSet", "Model"];

        var hidden = new LineageViewState().ToggleType("DataSet", all);
        var back = hidden.ToggleType("DataSet", all);

        Assert.False(hidden.Shows("DataSet"));
        Assert.True(hidden.Shows("Model"));
        Assert.Equal("direction=both&depth=2&types=Code,Model", hidden.ToQueryString());
        Assert.Null(back.Types);
    }
}
