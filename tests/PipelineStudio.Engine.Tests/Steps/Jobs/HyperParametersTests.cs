using System.Text.Json.Nodes;
using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class HyperParametersTests
{
    private static readonly HyperParameters SdkStyle = HyperParameters.From(JsonNode.Parse("""
        {"epochs": "30", "learning_rate": "\"0.1\"", "optimizer": "\"adam\"", "sagemaker_program": "\"train.py\"",
         "sagemaker_submit_directory": "\"s3://b/code\"", "verbose": true}
        """));

    [Fact]
    public void ToArguments_SortedUserHyperparametersUnquoted_WithoutSagemakerEntries()
    {
        Assert.Equal(["--epochs", "30", "--learning_rate", "0.1", "--optimizer", "adam", "--verbose", "true"], SdkStyle.ToArguments());
    }

    [Fact]
    public void ProgramAndSubmitDirectory_AreDecoded()
    {
        Assert.Equal("train.py", SdkStyle.Program);
        Assert.Equal("s3://b/code", SdkStyle.SubmitDirectory);
    }

    [Fact]
    public void ToSmHps_TypesNumbersAndKeepsStrings()
    {
        var hps = JsonNode.Parse(SdkStyle.ToSmHps())!.AsObject();

        Assert.Equal(30, hps["epochs"]!.GetValue<long>());
        Assert.Equal(0.1, hps["learning_rate"]!.GetValue<double>());
        Assert.Equal("adam", hps["optimizer"]!.GetValue<string>());
        Assert.False(hps.ContainsKey("sagemaker_program"));
    }

    [Fact]
    public void ToEnvironment_GivesSmHpVariables()
    {
        Assert.Contains(KeyValuePair.Create("SM_HP_LEARNING_RATE", "0.1"), SdkStyle.ToEnvironment());
    }

    [Theory]
    [InlineData("\"0.1\"", "0.1")]
    [InlineData("0.1", "0.1")]
    [InlineData("\"a \\\"quoted\\\" word\"", "a \"quoted\" word")]
    [InlineData("\"unterminated \\\"", "\"unterminated \\\"")]
    public void Decode_RemovesOneLevelOfJsonQuoting(string raw, string expected)
    {
        Assert.Equal(expected, HyperParameters.Decode(raw));
    }
}
