using Microsoft.Extensions.Configuration;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>The four job-step executors (Processing, Training, Tuning, Transform) sharing one runtime and image map.</summary>
public static class JobExecutors
{
    /// <summary>Builds them with <c>Engine:Images</c> from <paramref name="configuration"/> and the local process runtime.</summary>
    public static IReadOnlyList<IStepExecutor> Create(IConfiguration configuration) =>
        Create(ImageCommandMap.FromConfiguration(configuration), new LocalProcessRuntime());

    public static IReadOnlyList<IStepExecutor> Create(ImageCommandMap images, IProcessRuntime runtime) =>
    [
        new ProcessingExecutor(runtime, images),
        new TrainingExecutor(runtime, images),
        new TuningExecutor(runtime, images),
        new TransformExecutor(runtime, images),
    ];
}
