using System.Text.Json.Nodes;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class MetricDefinitionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Observe_SeveralMatches_LastOneWins()
    {
        var metrics = MetricDefinitions.From(JsonNode.Parse("""[{"Name": "val_auc", "Regex": "val_auc=([0-9\\.]+)"}, {"Name": "loss", "Regex": "loss=([0-9\\.]+)"}]"""));

        metrics.Observe("epoch 1 val_auc=0.61", At);
        metrics.Observe("epoch 2 val_auc=0.83 trailing", At.AddSeconds(1));
        metrics.Observe("nothing here", At.AddSeconds(2));

        Assert.Equal(0.83, metrics.Latest("val_auc"));
        Assert.Null(metrics.Latest("loss"));
        var list = metrics.ToFinalMetricDataList();
        var only = Assert.Single(list)!.AsObject();
        Assert.Equal("val_auc", only["MetricName"]!.GetValue<string>());
        Assert.Equal("2026-11-29T06:00:01.000Z", only["Timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void From_BadRegex_ThrowsNamingTheMetric()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricDefinitions.From(JsonNode.Parse("""[{"Name": "m", "Regex": "(["}]""")));

        Assert.Contains("'m'", error.Message, StringComparison.Ordinal);
    }
}
