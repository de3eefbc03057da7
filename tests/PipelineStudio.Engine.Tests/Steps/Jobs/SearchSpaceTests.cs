using System.Globalization;
using System.Text.Json.Nodes;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class SearchSpaceTests
{
    private static readonly IReadOnlyList<ParameterRange> Ranges = SearchSpace.Read(JsonNode.Parse("""
        {"IntegerParameterRanges": [{"Name": "depth", "MinValue": "2", "MaxValue": "4", "ScalingType": "Auto"}],
         "ContinuousParameterRanges": [{"Name": "lr", "MinValue": "0.001", "MaxValue": "0.1", "ScalingType": "Logarithmic"}],
         "CategoricalParameterRanges": [{"Name": "opt", "Values": ["sgd", "adam"]}]}
        """));

    [Fact]
    public void Grid_CategoricalAndInteger_EnumeratesEveryCombination()
    {
        var ranges = Ranges.Where(r => r.Kind != ParameterKind.Continuous).ToList();

        var grid = SearchSpace.Grid(ranges, maxJobs: null);

        Assert.Equal(6, grid.Count);
        Assert.Equal(6, grid.Select(g => g["depth"] + "/" + g["opt"]).Distinct().Count());
    }

    [Fact]
    public void Grid_MaxJobs_CutsTheList()
    {
        Assert.Equal(4, SearchSpace.Grid(Ranges.Where(r => r.Kind != ParameterKind.Continuous).ToList(), maxJobs: 4).Count);
    }

    [Fact]
    public void Grid_ContinuousRange_IsRefusedWithClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.Grid(Ranges, maxJobs: null));

        Assert.Contains("'lr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_DrawsStayInsideTheirRanges()
    {
        var sets = SearchSpace.Random(Ranges, 200, new Random(7));

        Assert.Equal(200, sets.Count);
        Assert.All(sets, set =>
        {
            Assert.InRange(int.Parse(set["depth"], CultureInfo.InvariantCulture), 2, 4);
            Assert.InRange(double.Parse(set["lr"], CultureInfo.InvariantCulture), 0.001, 0.1);
            Assert.Contains(set["opt"], new[] { "sgd", "adam" });
        });
        Assert.Equal(3, sets.Select(s => s["depth"]).Distinct().Count());
    }

    [Fact]
    public void Read_MinAboveMax_ThrowsNamingTheRange()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchSpace.Read(JsonNode.Parse("""{"ContinuousParameterRanges": [{"Name": "lr", "MinValue": "1", "MaxValue": "0.5"}]}""")));

        Assert.Contains("'lr'", error.Message, StringComparison.Ordinal);
    }
}
