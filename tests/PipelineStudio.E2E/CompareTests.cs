using System.Text.RegularExpressions;
using PipelineStudio.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineStudio.E2E;

/// <summary>
/// A small sweep (shell steps only, a second or two per execution) compared from its group page: the parameter
/// that differs, the metrics of each execution's evaluation.json property file with charts, the step that was a
/// cache hit; then "show all parameters", a reload of the address, and the executions list's own entry point.
/// </summary>
[Collection(StudioBrowserCollection.Name)]
public sealed partial class CompareTests(StudioBrowserFixture studio) : BrowserTest(studio)
{
    private const string Pipeline = "compare-e2e";

    // PrepareData is cached (its arguments never change), so the later executions of the sweep reuse it.
    // TrainAndEvaluate writes an evaluation report whose AUC peaks at LearningRate 0.3.
    private const string Definition = """
        {"Version":"2020-12-01","Metadata":{},
         "Parameters":[
          {"Name":"LearningRate","Type":"Float","DefaultValue":0.1},
          {"Name":"Epochs","Type":"Integer","DefaultValue":10},
          {"Name":"Region","Type":"String","DefaultValue":"eu-west-1"}],
         "Steps":[
          {"Name":"PrepareData","Type":"Processing","CacheConfig":{"Enabled":true,"ExpireAfter":"PT1H"},"Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c","echo preparing data in $REGION; sleep 0.6"]},
            "Environment":{"REGION":{"Get":"Parameters.Region"}},
            "RoleArn":"arn:aws:iam::123456789012:role/test"}},
          {"Name":"TrainAndEvaluate","Type":"Processing","DependsOn":["PrepareData"],"Arguments":{
            "ProcessingResources":{"ClusterConfig":{"InstanceType":"ml.m5.large","InstanceCount":1,"VolumeSizeInGB":1}},
            "AppSpecification":{"ImageUri":"local/shell","ContainerEntrypoint":["/bin/sh","-c",
              "AUC=$(awk -v r=$RATE 'BEGIN { d = r - 0.3; print 0.91 - d * d }'); ACC=$(awk -v r=$RATE 'BEGIN { print 0.8 + r / 10 }'); LOSS=$(awk -v r=$RATE 'BEGIN { d = r - 0.3; print 0.2 + d * d }'); printf '{\"binary_classification_metrics\": {\"auc\": {\"value\": %s}, \"accuracy\": {\"value\": %s}}, \"val_loss\": %s}' $AUC $ACC $LOSS > $OUT/evaluation.json; sleep 0.3"]},
            "Environment":{"RATE":{"Get":"Parameters.LearningRate"},"OUT":"/opt/ml/processing/evaluation"},
            "ProcessingOutputConfig":{"Outputs":[{"OutputName":"evaluation","S3Output":{
              "S3Uri":{"Std:Join":{"On":"/","Values":["s3://compare-e2e",{"Get":"Execution.PipelineExecutionId"},"evaluation"]}},
              "LocalPath":"/opt/ml/processing/evaluation","S3UploadMode":"EndOfJob"}}]},
            "RoleArn":"arn:aws:iam::123456789012:role/test"},
           "PropertyFiles":[{"PropertyFileName":"Evaluation","OutputName":"evaluation","FilePath":"evaluation.json"}]}
         ]}
        """;

    static CompareTests() => SetDefaultExpectTimeout(E2ESettings.TimeoutMs);

    [Fact]
    public async Task Compare_SweepOfThreeRates_ShowsTheDifferingRateMetricsChartsAndCacheHits()
    {
        await Studio.Api.ImportAsync(Pipeline, Definition);

        await WithPageAsync(nameof(Compare_SweepOfThreeRates_ShowsTheDifferingRateMetricsChartsAndCacheHits), async studio =>
        {
            var page = studio.Page;
            await studio.OpenInteractiveAsync($"/pipelines/{Pipeline}/sweep");
            var rate = studio.SweepParameter("LearningRate");
            await rate.Locator(".sweep-vary").ClickAsync();
            await rate.Locator(".sweep-values input").FillAsync("0.1, 0.3, 0.6");
            await page.Locator("#sweep-name").FillAsync("learning rates");
            await page.Locator("#sweep-concurrency").FillAsync("1");
            await Expect(page.Locator("#sweep-count")).ToHaveTextAsync("3");
            await page.Locator("#sweep-submit").ClickAsync();
            await Expect(page).ToHaveURLAsync(SweepUrl());
            await Expect(page.Locator("#sweep-status")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 120_000 });

            await Expect(page.Locator("#sweep-compare")).ToHaveAttributeAsync("href", CompareUrl());
            await studio.ScreenshotAsync("sweep-group-compare");
            await page.Locator("#sweep-compare").ClickAsync();
            await Expect(page).ToHaveURLAsync(CompareUrl());
            await Expect(page.Locator(".compare-card")).ToHaveCountAsync(3);
            await Expect(page.Locator("#compare-subtitle")).ToContainTextAsync($"3 executions of {Pipeline} v1");

            // Only the swept parameter differs; the later two differ from the baseline.
            await Expect(page.Locator(".compare-parameter")).ToHaveCountAsync(1);
            var rateRow = page.Locator(".compare-parameter[data-parameter='LearningRate']");
            await Expect(rateRow.Locator(".compare-value")).ToHaveTextAsync(["0.1", "0.3", "0.6"]);
            await Expect(rateRow.Locator(".compare-value--differs")).ToHaveCountAsync(2);

            // The metrics of each execution's property file, the best AUC at rate 0.3, lowest loss there too.
            var auc = page.Locator(".compare-metric[data-metric='auc']");
            await Expect(auc.Locator("td[data-best='true']")).ToHaveAttributeAsync("data-column", "1");
            await Expect(auc).ToContainTextAsync("TrainAndEvaluate · Evaluation");
            await Expect(page.Locator(".compare-metric[data-metric='val_loss'] td[data-best='true']")).ToHaveAttributeAsync("data-column", "1");
            await Expect(page.Locator(".compare-metric[data-metric='accuracy'] td[data-best='true']")).ToHaveAttributeAsync("data-column", "2");
            await Expect(page.Locator("#compare-metric-charts .compare-chart svg")).ToHaveCountAsync(3);
            await Expect(page.Locator("#compare-duration-chart svg").First).ToBeVisibleAsync();

            // PrepareData ran once; the two later executions reused its outputs.
            var prepare = page.Locator(".compare-step[data-step='PrepareData'] td");
            await Expect(prepare).ToHaveCountAsync(3);
            Assert.Equal(["false", "true", "true"], await prepare.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.cacheHit)"));
            await Expect(page.Locator(".compare-card[data-column='2'] .compare-card__cache")).ToHaveAttributeAsync("data-hits", "1");
            await page.WaitForTimeoutAsync(500); // charts re-layout once after measuring themselves (debounced 200 ms)
            await studio.ScreenshotAsync("compare-light");

            await page.Locator("#compare-show-all").ClickAsync();
            await Expect(page.Locator(".compare-parameter")).ToHaveCountAsync(3);
            await Expect(page).ToHaveURLAsync(new Regex("&all=true$"));
            await studio.ToggleThemeAsync();
            await studio.ScreenshotAsync("compare-dark");
            await studio.ToggleThemeAsync();

            // The address reopens the same view.
            await studio.OpenInteractiveAsync(new Uri(page.Url).PathAndQuery);
            await Expect(page.Locator(".compare-card")).ToHaveCountAsync(3);
            await Expect(page.Locator(".compare-parameter")).ToHaveCountAsync(3);

            // The executions list compares what is ticked, oldest first.
            await studio.OpenInteractiveAsync($"/executions?pipeline={Pipeline}");
            var rows = page.Locator("tr.execution-row");
            await Expect(rows).ToHaveCountAsync(3);
            Assert.Null(await page.Locator("#executions-compare").GetAttributeAsync("href"));
            await rows.Nth(0).Locator(".execution-row__select input").CheckAsync();
            await rows.Nth(2).Locator(".execution-row__select input").CheckAsync();
            await Expect(page.Locator("#executions-compare")).ToContainTextAsync("Compare selected (2)");
            await studio.ScreenshotAsync("executions-selected");
            await page.Locator("#executions-compare").ClickAsync();
            await Expect(page).ToHaveURLAsync(CompareUrl());
            await Expect(page.Locator(".compare-card")).ToHaveCountAsync(2);
            await Expect(page.Locator(".compare-parameter[data-parameter='LearningRate'] .compare-value")).ToHaveTextAsync(["0.1", "0.6"]);
        });
    }

    [GeneratedRegex("/sweeps/[a-z0-9]+$")]
    private static partial Regex SweepUrl();

    [GeneratedRegex(@"/compare\?executions=[a-z0-9]+(,[a-z0-9]+)+")]
    private static partial Regex CompareUrl();
}
