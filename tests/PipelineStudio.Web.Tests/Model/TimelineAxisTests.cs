using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class TimelineAxisTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_TenSeconds_TicksAtRoundTwoSecondSteps()
    {
        var axis = TimelineAxis.Create(T0, T0.AddSeconds(10));

        Assert.Equal(["0 s", "2 s", "4 s", "6 s", "8 s", "10 s"], axis.Ticks.Select(t => t.Label));
        Assert.Equal([0, 20, 40, 60, 80, 100], axis.Ticks.Select(t => Math.Round(t.Percent, 6)));
    }

    [Fact]
    public void Create_RunOfMilliseconds_StillSpansAtLeastASecond()
    {
        var axis = TimelineAxis.Create(T0, T0.AddMilliseconds(30));

        Assert.Equal(TimelineAxis.MinimumSpan, axis.Span);
        Assert.Equal(50, axis.PercentOf(T0.AddMilliseconds(500)), 6);
    }

    [Fact]
    public void Growing_RunningFiftySeconds_ReachesPastNowToARoundEnd()
    {
        var axis = TimelineAxis.Growing(T0, T0.AddSeconds(50));

        Assert.Equal(TimeSpan.FromSeconds(60), axis.Span);
        Assert.True(axis.PercentOf(T0.AddSeconds(50)) < 100, "'now' must sit inside the range so it can move right");
    }

    [Fact]
    public void PercentOf_OutsideTheRange_IsClamped()
    {
        var axis = TimelineAxis.Create(T0, T0.AddSeconds(10));

        Assert.Equal(0, axis.PercentOf(T0.AddSeconds(-5)));
        Assert.Equal(100, axis.PercentOf(T0.AddMinutes(5)));
    }

    [Theory]
    [InlineData(500, "500 ms")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(90_000, "1 min 30 s")]
    [InlineData(120_000, "2 min")]
    [InlineData(7_200_000, "2 h")]
    [InlineData(5_400_000, "1 h 30 min")]
    public void FormatOffset_Milliseconds_ReadsLikeAClock(int milliseconds, string expected)
    {
        Assert.Equal(expected, TimelineAxis.FormatOffset(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Create_LongRun_KeepsTicksFew()
    {
        var axis = TimelineAxis.Create(T0, T0.AddHours(5).AddMinutes(17));

        Assert.InRange(axis.Ticks.Count, 3, 9);
        Assert.Equal("0 s", axis.Ticks[0].Label);
    }
}
