using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Tests.Model.Comparison;

public sealed class ComparisonSelectionTests
{
    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData(" a , b,,a ", new[] { "a", "b" })]
    [InlineData("x", new[] { "x" })]
    public void Parse_BlanksAndRepeats_AreDropped(string? query, string[] expected)
    {
        Assert.Equal(expected, ComparisonSelection.Parse(query).Ids);
    }

    [Fact]
    public void Parse_MoreThanTheMaximum_KeepsTheFirstAndNamesTheRest()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"e{i}").ToList();

        var selection = ComparisonSelection.Parse(string.Join(',', ids));

        Assert.Equal(ids.Take(ComparisonSelection.MaxExecutions), selection.Ids);
        Assert.Equal(["e11", "e12"], selection.LeftOut);
    }

    [Fact]
    public void Href_RoundTripsThroughParse()
    {
        var href = ComparisonSelection.Href(["abc123", "def456"]);

        Assert.Equal("/compare?executions=abc123,def456", href);
        Assert.Equal(["abc123", "def456"], ComparisonSelection.Parse(href[(href.IndexOf('=') + 1)..]).Ids);
    }
}
