using PipelineStudio.Web.Model.Comparison;

namespace PipelineStudio.Web.Tests.Model.Comparison;

public sealed class MetricGoalsTests
{
    [Theory]
    [InlineData("auc", true)]
    [InlineData("val_auc", true)]
    [InlineData("accuracy", true)]
    [InlineData("validation:f1", true)]
    [InlineData("val_loss", false)]
    [InlineData("train:logloss", false)]
    [InlineData("validation:rmse", false)]
    [InlineData("mean_squared_error", false)]
    [InlineData("Inference-Latency", false)]
    [InlineData("lossless_ratio", true)]
    public void HigherIsBetter_Undeclared_FollowsTheNamesWords(string name, bool expected)
    {
        Assert.Equal(expected, MetricGoals.HigherIsBetter(name, declared: null));
    }

    [Fact]
    public void HigherIsBetter_Declared_Wins()
    {
        Assert.False(MetricGoals.HigherIsBetter("auc", declared: false));
        Assert.True(MetricGoals.HigherIsBetter("loss", declared: true));
    }
}
