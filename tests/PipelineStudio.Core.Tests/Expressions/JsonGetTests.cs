using System.Text.Json.Nodes;
using PipelineStudio.Core.Expressions;
using static PipelineStudio.Core.Tests.ExpressionEvaluation.ExpressionFixture;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class JsonGetTests
{
    private static Task<JsonNode?> FromReportAsync(string path) =>
        EvaluateAsync($$$"""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"{{{path}}}"}}""");

    [Theory]
    [InlineData("metrics.auc.value", "0.87")]
    [InlineData("metrics.counts[0].label", "\"a\"")]
    [InlineData("metrics.counts[0].n", "3")]
    [InlineData("metrics['auc'].value", "0.87")]
    [InlineData("['model name']", "\"xgb\"")]
    [InlineData("metrics.auc", """{"value":0.87}""")]
    public async Task JsonGet_PropertyFile_ReadsPathKeepingJsonType(string path, string expected)
    {
        Assert.Equal(expected, Text(await FromReportAsync(path)));
    }

    [Fact]
    public async Task JsonGet_PropertyFile_AsksForTheRightStepAndFile()
    {
        var asked = new List<string>();
        var context = Context() with
        {
            ReadPropertyFile = (step, file) =>
            {
                asked.Add($"{step}/{file}");
                return ValueTask.FromResult<JsonNode?>(JsonNode.Parse("""{"a":1}"""));
            },
        };

        await EvaluateAsync("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Eval-1.PropertyFiles.Metrics"},"Path":"a"}}""", context);

        Assert.Equal(["Eval-1/Metrics"], asked);
    }

    [Fact]
    public async Task JsonGet_MissingPath_NamesPathAndFile()
    {
        var ex = await FailsAsync("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"metrics.mse.value"}}""");

        Assert.Equal(
            "Cannot read 'metrics.mse.value' from property file 'Report' of step 'Evaluate': 'metrics' has no 'mse' (it has: auc, counts).",
            ex.Problem);
        Assert.Equal("$.Steps[0].Arguments['Std:JsonGet'].Path", ex.JsonPath);
    }

    [Fact]
    public async Task JsonGet_KeyOnAList_DoesNotMatchNamedItems()
    {
        var ex = await FailsAsync("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"metrics.counts['a']"}}""");

        Assert.Contains("'metrics.counts' is an array", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonGet_PropertyFileNotFound_NamesFileAndStep()
    {
        var ex = await FailsAsync("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Other"},"Path":"a"}}""");

        Assert.Contains("property file 'Other' of step 'Evaluate' was not found", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.Steps[0].Arguments['Std:JsonGet'].PropertyFile", ex.JsonPath);
    }

    [Fact]
    public async Task JsonGet_S3UriLiteral_ReadsAndParsesTheText()
    {
        var result = await EvaluateAsync("""{"Std:JsonGet":{"S3Uri":"s3://b/out/results.json","Path":"Result[0].score"}}""");

        Assert.Equal("0.5", Text(result));
    }

    [Fact]
    public async Task JsonGet_S3UriFromJoinOfStepProperty_ReadsTheJoinedUri()
    {
        var result = await EvaluateAsync("""
            {"Std:JsonGet":{"S3Uri":{"Std:Join":{"On":"/","Values":[{"Get":"Steps.Train.OutputDataConfig.S3OutputPath"},"results.json"]}},
                            "Path":"Result[0]"}}
            """);

        Assert.Equal("""{"score":0.5}""", Text(result));
    }

    [Fact]
    public async Task JsonGet_InsideJoin_GivesItsValueAsText()
    {
        var result = await EvaluateAsync("""
            {"Std:Join":{"On":"=","Values":["auc",{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"metrics.auc.value"}}]}}
            """);

        Assert.Equal("auc=0.87", result!.GetValue<string>());
    }

    [Theory]
    [InlineData("s3://b/nothing.json", "found no file at 's3://b/nothing.json'")]
    [InlineData("s3://b/broken.json", "The file at 's3://b/broken.json' is not valid JSON")]
    public async Task JsonGet_S3UriUnreadable_Throws(string uri, string expected)
    {
        var ex = await FailsAsync($$$"""{"Std:JsonGet":{"S3Uri":"{{{uri}}}","Path":"a"}}""");

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.Steps[0].Arguments['Std:JsonGet'].S3Uri", ex.JsonPath);
    }

    [Fact]
    public async Task JsonGet_ReadTextFails_BecomesExpressionException()
    {
        var context = Context() with { ReadText = _ => throw new IOException("disk gone") };

        var ex = await FailsAsync("""{"Std:JsonGet":{"S3Uri":"s3://b/x.json","Path":"a"}}""", context);

        Assert.Contains("disk gone", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Std:JsonGet":{"Path":"a"}}""", "it has neither")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/out/results.json","PropertyFile":{"Get":"Steps.Evaluate.PropertyFiles.Report"},"Path":"a"}}""", "it has both")]
    [InlineData("""{"Std:JsonGet":{"PropertyFile":"Report","Path":"a"}}""", "PropertyFile must be {\"Get\": \"Steps.<step>.PropertyFiles.<name>\"}")]
    [InlineData("""{"Std:JsonGet":{"PropertyFile":{"Get":"Steps.Evaluate.Report"},"Path":"a"}}""", "PropertyFile must be")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/out/results.json"}}""", "'Path' must be a string")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":5,"Path":"a"}}""", "'S3Uri' must give a string")]
    [InlineData("""{"Std:JsonGet":{"S3Uri":"s3://b/out/results.json","Path":"Result["}}""", "is not a valid path")]
    [InlineData("""{"Std:JsonGet":"a"}""", "needs an object with 'Path'")]
    public async Task JsonGet_MalformedArguments_Throws(string json, string expected)
    {
        var ex = await FailsAsync(json);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonGet_Cancelled_ThrowsCancellation()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var node = JsonNode.Parse("""{"Std:JsonGet":{"S3Uri":"s3://b/out/results.json","Path":"a"}}""");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ExpressionEvaluator.EvaluateAsync(node, Context(), cancel.Token).AsTask());
    }
}
