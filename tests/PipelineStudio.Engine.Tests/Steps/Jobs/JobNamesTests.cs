using PipelineStudio.Engine.Steps.Jobs;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

public sealed class JobNamesTests
{
    [Fact]
    public void Create_LooksLikeSageMakerPipelineJobNames()
    {
        var name = JobNames.Create("abc123", "Train_Model");

        Assert.Matches("^pipelines-abc123-Train-Model-[a-z0-9]{6}$", name);
    }

    [Fact]
    public void Create_LongStepName_IsCutTo63Characters()
    {
        var name = JobNames.Create("abc123", new string('S', 100));

        Assert.Equal(JobNames.MaxLength, name.Length);
        Assert.Matches("-[a-z0-9]{6}$", name);
    }

    [Fact]
    public void ForTrainingJobOfTuning_NumbersTheJob()
    {
        Assert.Matches("^pipelines-e-Tune-x1y2z3-002-[a-z0-9]{6}$", JobNames.ForTrainingJobOfTuning("pipelines-e-Tune-x1y2z3", 2));
    }
}
