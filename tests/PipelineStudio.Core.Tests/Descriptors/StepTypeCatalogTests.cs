using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Descriptors;

namespace PipelineStudio.Core.Tests.Descriptors;

public class StepTypeCatalogTests
{
    [Fact]
    public void All_Always_DescribesEveryKnownTypeOnceInOrder() =>
        Assert.Equal(StepTypes.All, StepTypeCatalog.All.Select(d => d.Type));

    [Fact]
    public void All_Always_HasADisplayNameAndSummaryForEachType() =>
        Assert.All(StepTypeCatalog.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.DisplayName));
            Assert.EndsWith(".", d.Summary, StringComparison.Ordinal);
        });

    [Theory]
    [InlineData(StepTypes.Processing, StepStage.Data, true, true, true)]
    [InlineData(StepTypes.Tuning, StepStage.Training, true, true, false)]
    [InlineData(StepTypes.Model, StepStage.Deployment, false, true, true)]
    [InlineData(StepTypes.Condition, StepStage.ControlFlow, false, false, true)]
    [InlineData(StepTypes.Lambda, StepStage.Integration, true, false, false)]
    [InlineData(StepTypes.QualityCheck, StepStage.Evaluation, true, true, false)]
    [InlineData(StepTypes.Lineage, StepStage.Integration, false, false, false)]
    public void Find_KnownType_MatchesTheReferenceTable(string type, StepStage stage, bool cacheable, bool retryable, bool local)
    {
        var descriptor = StepTypeCatalog.Find(type);

        Assert.NotNull(descriptor);
        Assert.Equal((stage, cacheable, retryable, local), (descriptor.Stage, descriptor.Cacheable, descriptor.Retryable, descriptor.RunsLocally));
    }

    [Theory]
    [InlineData("processing")]
    [InlineData("MyCompany:Custom")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownOrMissingType_ReturnsNull(string? type) => Assert.Null(StepTypeCatalog.Find(type));
}
