using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Validation;
using PipelineStudio.TestSupport;

namespace PipelineStudio.Core.Tests.Serialization;

public sealed class DefinitionGeneratorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void Layered_StepsNearLimit_StaysJustUnderTheDefinitionLimit(int seed)
    {
        var text = DefinitionGenerator.Layered(DefinitionGenerator.StepsNearLimit, 20, seed);

        Assert.InRange(text.Length, 1_000_000, DefinitionJson.MaxDefinitionLength - 1);
    }

    [Fact]
    public void Layered_TwoThousandSteps_StaysWithinWhatTheValidatorStillParses()
    {
        var text = DefinitionGenerator.Layered(2000, 20, 1);

        Assert.InRange(text.Length, DefinitionJson.MaxDefinitionLength, 2 * DefinitionJson.MaxDefinitionLength);
    }

    [Fact]
    public void Validate_GeneratedNearLimit_ReportsNoIssues()
    {
        var report = DefinitionValidator.Validate(DefinitionGenerator.Layered(DefinitionGenerator.StepsNearLimit, 20, 1));

        Assert.Empty(report.Issues.Select(i => i.ToString()));
        Assert.Equal(DefinitionGenerator.StepsNearLimit, report.Definition!.Steps.Count);
    }

    [Fact]
    public void Layered_SameArguments_GivesTheSameText() =>
        Assert.Equal(DefinitionGenerator.Layered(200, 10, 7), DefinitionGenerator.Layered(200, 10, 7));

    [Fact]
    public void Layered_DifferentSeed_WiresDifferentEdges() =>
        Assert.NotEqual(DefinitionGenerator.Layered(200, 10, 7), DefinitionGenerator.Layered(200, 10, 8));

    [Fact]
    public void Layered_AnySize_ReferencesOnlyStepsOfEarlierLayers()
    {
        const int Width = 5;
        var (json, _) = DefinitionJson.Parse(DefinitionGenerator.Layered(53, Width, 3));
        var definition = PipelineDefinition.FromJson(json!);

        Assert.Equal(53, definition.Steps.Count);
        Assert.All(definition.Steps, s => Assert.Equal(StepTypes.Processing, s.Type));
        var layerOf = definition.Steps.Select((s, i) => (s.Name!, i / Width)).ToDictionary();
        foreach (var step in definition.Steps)
        {
            var text = step.Json.ToJsonString();
            var referenced = layerOf.Keys.Where(n => text.Contains($"Steps.{n}.", StringComparison.Ordinal)).Concat(step.DependsOn);
            Assert.All(referenced, n => Assert.True(layerOf[n] < layerOf[step.Name!], $"{step.Name} points at {n}"));
        }

        Assert.Contains(definition.Steps, s => s.DependsOn.Count > 0);
    }
}
