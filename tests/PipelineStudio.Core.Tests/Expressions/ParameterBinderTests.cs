using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;

namespace PipelineStudio.Core.Tests.ExpressionEvaluation;

public class ParameterBinderTests
{
    private static readonly PipelineDefinition Pipeline = Definition("""
        [{"Name":"Epochs","Type":"Integer","DefaultValue":10},
         {"Name":"LearningRate","Type":"Float","DefaultValue":0.1},
         {"Name":"Enabled","Type":"Boolean","DefaultValue":false},
         {"Name":"Instance","Type":"String","DefaultValue":"ml.m5.large","EnumValues":["ml.m5.large","ml.m5.xlarge"]},
         {"Name":"InputUri","Type":"String"}]
        """);

    private static PipelineDefinition Definition(string parameters) =>
        PipelineDefinition.FromJson(JsonNode.Parse($$"""{"Version":"2020-12-01","Parameters":{{parameters}},"Steps":[]}""")!.AsObject());

    private static ParameterBinding Bind(params (string Name, string Value)[] supplied) =>
        ParameterBinder.Bind(Pipeline, supplied.ToDictionary(s => s.Name, s => s.Value));

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    [Fact]
    public void Bind_DefaultsAndRequiredValue_GivesTypedValuesAndWireValues()
    {
        var binding = Bind(("InputUri", "s3://b/in"));

        Assert.True(binding.IsValid);
        Assert.Equal(10L, binding.Values["Epochs"]!.GetValue<long>());
        Assert.Equal(0.1, binding.Values["LearningRate"]!.GetValue<double>());
        Assert.False(binding.Values["Enabled"]!.GetValue<bool>());
        Assert.Equal("ml.m5.large", binding.Values["Instance"]!.GetValue<string>());
        Assert.Equal("s3://b/in", binding.Values["InputUri"]!.GetValue<string>());
        Assert.Equal(
            ["Enabled=false", "Epochs=10", "InputUri=s3://b/in", "Instance=ml.m5.large", "LearningRate=0.1"],
            binding.WireValues.Select(p => $"{p.Key}={p.Value}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bind_SuppliedValues_OverrideDefaultsWithTypes()
    {
        var binding = Bind(("InputUri", "s3://x"), ("Epochs", "-3"), ("LearningRate", "1e-3"), ("Instance", "ml.m5.xlarge"));

        Assert.True(binding.IsValid);
        Assert.Equal(-3L, binding.Values["Epochs"]!.GetValue<long>());
        Assert.Equal(0.001, binding.Values["LearningRate"]!.GetValue<double>());
        Assert.Equal("ml.m5.xlarge", binding.Values["Instance"]!.GetValue<string>());
        Assert.Equal("1e-3", binding.WireValues["LearningRate"]);
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    public void Bind_BooleanInAnyCase_IsBool(string text, bool expected)
    {
        var binding = Bind(("InputUri", "s3://x"), ("Enabled", text));

        Assert.True(binding.IsValid);
        Assert.Equal(expected, binding.Values["Enabled"]!.GetValue<bool>());
        Assert.Equal(text, binding.WireValues["Enabled"]);
    }

    [Theory]
    [InlineData("Epochs", "ten", "Parameter 'Epochs' is Integer; 'ten' is not an integer.")]
    [InlineData("Epochs", "1.5", "Parameter 'Epochs' is Integer; '1.5' is not an integer.")]
    [InlineData("Epochs", "", "Parameter 'Epochs' is Integer; '' is not an integer.")]
    [InlineData("LearningRate", "fast", "Parameter 'LearningRate' is Float; 'fast' is not a number.")]
    [InlineData("LearningRate", "NaN", "Parameter 'LearningRate' is Float; 'NaN' is not a number.")]
    [InlineData("Enabled", "yes", "Parameter 'Enabled' is Boolean; 'yes' is not true or false.")]
    public void Bind_WrongType_ReportsOneSentenceAndLeavesValueOut(string name, string value, string problem)
    {
        var binding = Bind(("InputUri", "s3://x"), (name, value));

        Assert.Equal([problem], binding.Problems);
        Assert.False(binding.Values.ContainsKey(name));
        Assert.False(binding.IsValid);
    }

    [Fact]
    public void Bind_UnknownName_ReportsItWithTheDefinedNames()
    {
        var binding = Bind(("InputUri", "s3://x"), ("Epoch", "3"));

        var problem = Assert.Single(binding.Problems);
        Assert.StartsWith("Parameter 'Epoch' is not defined by the pipeline (it defines: Epochs, LearningRate,", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_MissingValueWithoutDefault_ReportsIt()
    {
        var binding = Bind();

        Assert.Equal(["Parameter 'InputUri' has no default value; supply one."], binding.Problems);
    }

    [Fact]
    public void Bind_ValueOutsideEnumValues_ReportsAllowedValues()
    {
        var binding = Bind(("InputUri", "s3://x"), ("Instance", "ml.p3.2xlarge"));

        Assert.Equal(["Parameter 'Instance' must be one of 'ml.m5.large', 'ml.m5.xlarge'; 'ml.p3.2xlarge' is not."], binding.Problems);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("+2", true)]
    [InlineData("3", false)]
    public void Bind_IntegerWithEnumValues_ComparesValuesNotText(string supplied, bool valid)
    {
        var definition = Definition("""[{"Name":"Depth","Type":"Integer","DefaultValue":1,"EnumValues":[1,2]}]""");

        var binding = ParameterBinder.Bind(definition, new Dictionary<string, string> { ["Depth"] = supplied });

        Assert.Equal(valid, binding.IsValid);
    }

    [Fact]
    public void Bind_DefaultOfWrongKind_ReportsTheDefault()
    {
        var binding = ParameterBinder.Bind(Definition("""[{"Name":"N","Type":"Integer","DefaultValue":"many"}]"""), new Dictionary<string, string>());

        Assert.Equal(["Parameter 'N' is Integer; its default value 'many' is not an integer."], binding.Problems);
    }

    [Fact]
    public void Bind_UnknownType_ReportsIt()
    {
        var binding = ParameterBinder.Bind(Definition("""[{"Name":"N","Type":"Decimal","DefaultValue":1}]"""), new Dictionary<string, string>());

        Assert.Equal(["Parameter 'N' has type 'Decimal', which SageMaker does not know (String, Integer, Float, Boolean)."], binding.Problems);
    }

    [Fact]
    public void Bind_SeveralProblems_ReportsEachOnce()
    {
        var binding = Bind(("Epochs", "x"), ("Nope", "1"));

        Assert.Equal(3, binding.Problems.Count);
        Assert.Contains(binding.Problems, p => p.Contains("'Nope'", StringComparison.Ordinal));
        Assert.Contains(binding.Problems, p => p.Contains("'Epochs'", StringComparison.Ordinal));
        Assert.Contains(binding.Problems, p => p.Contains("'InputUri'", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_NoTypeGiven_TreatsParameterAsString()
    {
        var binding = ParameterBinder.Bind(Definition("""[{"Name":"S","DefaultValue":"x"}]"""), new Dictionary<string, string> { ["S"] = "42" });

        Assert.True(binding.IsValid);
        Assert.Equal("\"42\"", Text(binding.Values["S"]));
    }

    [Fact]
    public void Bind_FloatParameterGivenWholeNumber_IsDouble()
    {
        var binding = Bind(("InputUri", "s3://x"), ("LearningRate", "2"));

        Assert.True(binding.Values["LearningRate"]!.AsValue().TryGetValue<double>(out var value));
        Assert.Equal(2.0, value);
    }
}
