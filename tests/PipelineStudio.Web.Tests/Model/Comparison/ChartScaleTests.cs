using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Tests.Model.Comparison;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(new[] { 0.81, 0.86, 0.79 }, 1)]
    [InlineData(new[] { 1.4, 0.01 }, 1)]
    [InlineData(new[] { 9.0, 3.0 }, 2)]
    [InlineData(new[] { 38.0, 12.0 }, 10)]
    [InlineData(new[] { 2000.0 }, 500)]
    [InlineData(new[] { -70.0, 10.0 }, 20)]
    public void TickSpacing_AboutFourWholeNiceTicksUpToTheLargestValue(double[] values, int expected)
    {
        Assert.Equal(expected, ChartScale.TickSpacing(values.Select(v => (double?)v)));
    }

    [Fact]
    public void TickSpacing_NoValuesOrOnlyZeros_IsOne()
    {
        Assert.Equal(1, ChartScale.TickSpacing([null, 0]));
        Assert.Equal(1, ChartScale.TickSpacing([]));
    }
}
