using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class KeyMetricsTests
{
    private static StepRecord Step(string name, string type, string? properties, StepStatus status = StepStatus.Succeeded) =>
        new("e", name, type, status, PropertiesJson: properties);

    [Fact]
    public void Of_TrainingAndTuning_TakesFinalMetricsAndTheBestObjective()
    {
        var metrics = KeyMetrics.Of([
            Step("Prep", "Processing", """{"ProcessingJobName":"p"}"""),
            Step("Train", "Training", """{"FinalMetricDataList":[{"MetricName":"val_auc","Value":0.84},{"MetricName":"loss","Value":0.31}]}"""),
            Step("Tune", "Tuning", """{"BestTrainingJob":{"FinalHyperParameterTuningJobObjectiveMetric":{"MetricName":"validation:auc","Value":0.9}}}"""),
        ]);

        Assert.Equal(["val_auc=0.84", "loss=0.31", "validation:auc=0.9"], metrics.Select(m => $"{m.Label}={m.FormattedValue}"));
    }

    [Fact]
    public void Of_SameMetricFromTwoSteps_NamesTheStep()
    {
        var metrics = KeyMetrics.Of([
            Step("TrainA", "Training", """{"FinalMetricDataList":[{"MetricName":"auc","Value":0.7}]}"""),
            Step("TrainB", "Training", """{"FinalMetricDataList":[{"MetricName":"auc","Value":0.8}]}"""),
        ]);

        Assert.Equal(["TrainA.auc", "TrainB.auc"], metrics.Select(m => m.Label));
    }

    [Fact]
    public void Of_UnfinishedDamagedOrIncompleteSteps_GiveNothing()
    {
        var metrics = KeyMetrics.Of([
            Step("Running", "Training", """{"FinalMetricDataList":[{"MetricName":"auc","Value":0.7}]}""", StepStatus.Executing),
            Step("Broken", "Training", "{not json"),
            Step("NoValue", "Training", """{"FinalMetricDataList":[{"MetricName":"auc"}]}"""),
            Step("NoName", "Training", """{"FinalMetricDataList":[{"Value":1}]}"""),
        ]);

        Assert.Empty(metrics);
    }
}
