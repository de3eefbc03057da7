using MudBlazor;
using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class RunStatusStylesTests
{
    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(850, "850 ms")]
    [InlineData(4_250, "4.3 s")]
    [InlineData(42_000, "42 s")]
    [InlineData(185_000, "3 min 05 s")]
    [InlineData(7_440_000, "2 h 04 min")]
    [InlineData(-5, "0 ms")]
    public void Durations_are_short_and_precise(int milliseconds, string expected) =>
        Assert.Equal(expected, RunStatusStyles.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Step_statuses_have_distinct_icons_and_a_readable_label()
    {
        var statuses = Enum.GetValues<StepStatus>();
        // Starting and Executing share the "running" icon; every other status has its own.
        Assert.Equal(statuses.Length - 1, statuses.Select(RunStatusStyles.IconOf).Distinct().Count());
        Assert.Equal("Not executed", RunStatusStyles.LabelOf(StepStatus.NotExecuted));
        Assert.Equal(Color.Error, RunStatusStyles.ColorOf(StepStatus.Failed));
        Assert.Equal(Color.Success, RunStatusStyles.ColorOf(ExecutionStatus.Succeeded));
        Assert.Equal("var(--mud-palette-info)", RunStatusStyles.CssColorOf(StepStatus.Executing));
    }
}
