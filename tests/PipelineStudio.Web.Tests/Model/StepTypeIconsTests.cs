using PipelineStudio.Core.Definitions;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class StepTypeIconsTests
{
    [Fact]
    public void For_EveryKnownStepType_HasItsOwnStyle()
    {
        Assert.All(StepTypes.All, type => Assert.True(StepTypeIcons.HasStyle(type), $"{type} has no icon"));
        Assert.DoesNotContain(StepTypes.All, type => StepTypeIcons.For(type) == StepTypeIcons.Unknown);
    }

    [Fact]
    public void For_UnknownOrMissingType_FallsBackToTheUnknownStyle()
    {
        Assert.Same(StepTypeIcons.Unknown, StepTypeIcons.For("Mystery"));
        Assert.Same(StepTypeIcons.Unknown, StepTypeIcons.For(null));
    }
}
