using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Core.Tests.Sweeps;

public class SweepPlannerTests
{
    private static readonly PipelineDefinition Pipeline = PipelineDefinition.FromJson(JsonNode.Parse("""
        {"Version":"2020-12-01","Steps":[],"Parameters":[
          {"Name":"Epochs","Type":"Integer","DefaultValue":10},
          {"Name":"Rate","Type":"Float","DefaultValue":0.1},
          {"Name":"Instance","Type":"String","DefaultValue":"ml.m5.large","EnumValues":["ml.m5.large","ml.m5.xlarge"]},
          {"Name":"Shuffle","Type":"Boolean","DefaultValue":true},
          {"Name":"InputUri","Type":"String"}]}
        """)!.AsObject());

    private static readonly Dictionary<string, string> Fixed = new() { ["InputUri"] = "s3://b/in" };

    private static SweepPlan Plan(SweepMode mode, params SweepAxis[] axes) =>
        SweepPlanner.Plan(new SweepSpec(mode, axes, Fixed), Pipeline);

    private static SweepAxis List(string name, params string[] values) => new(name, values);

    private static SweepAxis Range(string name, decimal start, decimal stop, decimal step) => new(name, Range: new SweepRange(start, stop, step));

    private static List<string> Column(SweepPlan plan, string name) => plan.Members.Select(m => m.Parameters[name]).ToList();

    [Fact]
    public void Plan_Grid_GivesEveryCombinationFirstAxisSlowest()
    {
        var plan = Plan(SweepMode.Grid, List("Epochs", "1", "2", "3"), List("Instance", "ml.m5.large", "ml.m5.xlarge"));

        Assert.True(plan.CanLaunch);
        Assert.Equal(6, plan.Members.Count);
        Assert.Equal(["1", "1", "2", "2", "3", "3"], Column(plan, "Epochs"));
        Assert.Equal(["ml.m5.large", "ml.m5.xlarge", "ml.m5.large", "ml.m5.xlarge", "ml.m5.large", "ml.m5.xlarge"], Column(plan, "Instance"));
        Assert.Equal([0, 1, 2, 3, 4, 5], plan.Members.Select(m => m.Index));
        Assert.All(plan.Members, m => Assert.Equal("s3://b/in", m.Parameters["InputUri"]));
    }

    [Fact]
    public void Plan_Zip_PairsValuesByPosition()
    {
        var plan = Plan(SweepMode.Zip, List("Epochs", "1", "2", "3"), List("Rate", "0.1", "0.2", "0.3"));

        Assert.True(plan.CanLaunch);
        Assert.Equal(["1=0.1", "2=0.2", "3=0.3"], plan.Members.Select(m => $"{m.Parameters["Epochs"]}={m.Parameters["Rate"]}"));
    }

    [Fact]
    public void Plan_ZipOfUnequalLists_NamesEachLength()
    {
        var plan = Plan(SweepMode.Zip, List("Epochs", "1", "2", "3"), List("Rate", "0.1", "0.2"));

        Assert.False(plan.CanLaunch);
        Assert.Empty(plan.Members);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("Epochs has 3", problem, StringComparison.Ordinal);
        Assert.Contains("Rate has 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DecimalRange_HasNoFloatDrift()
    {
        var plan = Plan(SweepMode.Grid, Range("Rate", 0.1m, 1.0m, 0.1m));

        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"], Column(plan, "Rate"));
    }

    [Fact]
    public void Plan_RangeWhoseStepMissesTheStop_EndsBeforeIt()
    {
        var plan = Plan(SweepMode.Grid, Range("Epochs", 1, 10, 4));

        Assert.Equal(["1", "5", "9"], Column(plan, "Epochs"));
    }

    [Fact]
    public void Plan_DescendingRange_CountsDown()
    {
        var plan = Plan(SweepMode.Grid, Range("Rate", 0.3m, 0.1m, -0.05m));

        Assert.Equal(["0.3", "0.25", "0.2", "0.15", "0.1"], Column(plan, "Rate"));
    }

    [Theory]
    [InlineData(1, 5, 0, "cannot be 0")]
    [InlineData(1, 5, -1, "never gets from 1 to 5")]
    [InlineData(1, 5, 0.5, "needs whole numbers")]
    public void Plan_BadIntegerRange_SaysWhy(decimal start, decimal stop, decimal step, string expected)
    {
        var plan = Plan(SweepMode.Grid, Range("Epochs", start, stop, step));

        Assert.False(plan.CanLaunch);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("'Epochs'", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RangeOnAStringParameter_IsRefused()
    {
        var plan = Plan(SweepMode.Grid, Range("Instance", 1, 2, 1));

        Assert.Contains("needs an Integer or Float parameter", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_HugeRange_IsRefusedWithoutExpandingIt()
    {
        var plan = Plan(SweepMode.Grid, Range("Epochs", 0, 1_000_000_000_000, 1));

        Assert.Contains("more than 1,000 values", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GridOverTheLimit_NamesTheSizes()
    {
        var plan = Plan(SweepMode.Grid, Range("Epochs", 1, 40, 1), Range("Rate", 0.01m, 0.3m, 0.01m));

        Assert.Empty(plan.Members);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("more than 1,000 combinations (40 × 30)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_GridAtTheLimit_IsAllowed()
    {
        var plan = Plan(SweepMode.Grid, Range("Epochs", 1, 40, 1), Range("Rate", 0.01m, 0.25m, 0.01m));

        Assert.True(plan.CanLaunch);
        Assert.Equal(1000, plan.Members.Count);
    }

    [Fact]
    public void Plan_InvalidValues_FlagTheirRowsWithTheBindersMessage()
    {
        var plan = Plan(SweepMode.Grid, List("Epochs", "1", "two", "3"));

        Assert.Empty(plan.Problems);
        Assert.False(plan.CanLaunch);
        Assert.Equal(1, plan.InvalidCount);
        var bad = plan.Members[1];
        Assert.Equal("Parameter 'Epochs' is Integer; 'two' is not an integer.", Assert.Single(bad.Problems));
    }

    [Fact]
    public void Plan_ValueOutsideTheEnum_IsFlagged()
    {
        var plan = Plan(SweepMode.Grid, List("Instance", "ml.m5.large", "ml.p3.2xlarge"));

        Assert.True(plan.Members[0].IsValid);
        Assert.Contains("must be one of", Assert.Single(plan.Members[1].Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingRequiredFixedValue_FlagsEveryRow()
    {
        var plan = SweepPlanner.Plan(new SweepSpec(SweepMode.Grid, [List("Epochs", "1", "2")], new Dictionary<string, string>()), Pipeline);

        Assert.Equal(2, plan.InvalidCount);
        Assert.All(plan.Members, m => Assert.Equal("Parameter 'InputUri' has no default value; supply one.", Assert.Single(m.Problems)));
    }

    [Fact]
    public void Plan_VariedParameterAlsoFixed_UsesTheVariedValues()
    {
        var spec = new SweepSpec(SweepMode.Grid, [List("Epochs", "1", "2")], new Dictionary<string, string>(Fixed) { ["Epochs"] = "99" });

        var plan = SweepPlanner.Plan(spec, Pipeline);

        Assert.Equal(["1", "2"], Column(plan, "Epochs"));
    }

    [Fact]
    public void Plan_NoAxes_AsksForOne()
    {
        var plan = Plan(SweepMode.Grid);

        Assert.Equal("Choose at least one parameter to vary.", Assert.Single(plan.Problems));
    }

    [Fact]
    public void Plan_SameParameterTwice_IsRefused()
    {
        var plan = Plan(SweepMode.Grid, List("Epochs", "1"), List("Epochs", "2"));

        Assert.Contains("varied twice", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_EmptyList_IsRefused()
    {
        var plan = Plan(SweepMode.Grid, List("Epochs"));

        Assert.Contains("no values to sweep", Assert.Single(plan.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseList_TrimsAndDropsEmptyEntries()
    {
        Assert.Equal(["a", "b c", "d"], SweepPlanner.ParseList(" a, b c ,, d ,"));
        Assert.Empty(SweepPlanner.ParseList(null));
    }

    [Fact]
    public void SpecJson_RoundTrips()
    {
        var spec = new SweepSpec(SweepMode.Zip, [List("Epochs", "1", "2"), Range("Rate", 0.1m, 0.2m, 0.1m)], Fixed);

        var back = SweepSpecJson.TryDeserialize(SweepSpecJson.Serialize(spec));

        Assert.NotNull(back);
        Assert.Equal(SweepMode.Zip, back.Mode);
        Assert.Equal(["1", "2"], back.Axes[0].Values!);
        Assert.Equal(new SweepRange(0.1m, 0.2m, 0.1m), back.Axes[1].Range);
        Assert.Equal("s3://b/in", back.Fixed["InputUri"]);
        Assert.Null(SweepSpecJson.TryDeserialize("{not json"));
    }
}
