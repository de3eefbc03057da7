using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

/// <summary>
/// Lossless round trip over every realistic definition: parsing and writing back must give JSON equal
/// to the input (key order aside), unknown step types and unknown fields included.
/// </summary>
public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> CorpusNames => new(SampleDefinitions.CorpusNames);

    public static TheoryData<string> SampleNames => new(SampleDefinitions.SampleNames);

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void ToJson_CorpusDefinition_EqualsInput(string name) => AssertRoundTrips(SampleDefinitions.ReadCorpus(name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void ToJson_SampleDefinition_EqualsInput(string name) => AssertRoundTrips(SampleDefinitions.ReadSample(name));

    [Fact]
    public void Corpus_AsShipped_HoldsAtLeastTenDefinitionsAndTwoSamples()
    {
        Assert.True(SampleDefinitions.CorpusNames.Count >= 10, string.Join(", ", SampleDefinitions.CorpusNames));
        Assert.Contains(SampleDefinitions.ChurnPredictionSample, SampleDefinitions.SampleNames);
        Assert.Contains(SampleDefinitions.CallbackApprovalSample, SampleDefinitions.SampleNames);
    }

    [Fact]
    public void ToJson_NullExperimentConfig_KeepsLiteralNull()
    {
        var written = RoundTrip(SampleDefinitions.ReadCorpus(SampleDefinitions.NestedCondition), indented: true);

        var reparsed = JsonNode.Parse(written)!.AsObject();
        Assert.True(reparsed.ContainsKey("PipelineExperimentConfig"));
        Assert.Null(reparsed["PipelineExperimentConfig"]);
    }

    [Fact]
    public void ToJson_FutureStepType_KeepsUnknownFieldsAtEveryLevel()
    {
        var written = JsonNode.Parse(RoundTrip(SampleDefinitions.ReadCorpus(SampleDefinitions.FutureStepType), indented: false))!;

        Assert.Equal(4, written["ParallelismHints"]!["MaxParallelSteps"]!.GetValue<int>());
        Assert.Equal("FeatureStoreIngestion", written["Steps"]![0]!["Type"]!.GetValue<string>());
        Assert.Equal(3600, written["Steps"]![0]!["StepTimeoutInSeconds"]!.GetValue<int>());
        Assert.Equal(2, written["Steps"]![1]!["RetryPolicies"]![0]!["JitterSeconds"]!.GetValue<int>());
        Assert.NotNull(written["PipelineExperimentConfig"]!["RunName"]);
        Assert.False(written["Parameters"]![0]!["Sensitive"]!.GetValue<bool>());
    }

    private static void AssertRoundTrips(string text)
    {
        var original = JsonNode.Parse(text);
        foreach (var indented in new[] { true, false })
        {
            var written = RoundTrip(text, indented);
            var difference = JsonEquality.FirstDifference(original, JsonNode.Parse(written));
            Assert.True(difference is null, $"Round trip (indented: {indented}) changed the document at {difference}");
        }
    }

    private static string RoundTrip(string text, bool indented)
    {
        var (json, issue) = DefinitionJson.Parse(text);
        Assert.True(json is not null, issue?.ToString());
        return PipelineDefinition.FromJson(json!).ToJson(indented);
    }
}
