using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Artifacts;
using PipelineStudio.Engine.Runtime;
using PipelineStudio.Engine.Steps;
using PipelineStudio.Engine.Tests.Artifacts;

namespace PipelineStudio.Engine.Tests.Steps.Jobs;

/// <summary>
/// Runs job executors for real (processes, a local artifact store in a temp folder) on one step of a small
/// definition whose arguments are written already evaluated.
/// </summary>
public sealed class JobHarness : IDisposable
{
    public const string SklearnImage = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, JsonObject> _stepProperties = new(StringComparer.Ordinal);

    public JobHarness()
    {
        Artifacts = LocalArtifactStore.ForDataDirectory(_temp.Path);
    }

    /// <summary>The interpreter Python tests use (the one the default image map picks), or null when there is none.</summary>
    public static string? Python { get; } = new CommandResolver().Exists("/usr/bin/python3") ? "/usr/bin/python3" : new CommandResolver().Resolve("python3");

    public LocalArtifactStore Artifacts { get; }

    public ImageCommandMap Images { get; } = new([]);

    public IProcessRuntime Runtime { get; } = new LocalProcessRuntime();

    public List<string> LogLines { get; } = [];

    public string TempPath => _temp.Path;

    /// <summary>Makes another step's properties visible to the step under test (e.g. a Model step's).</summary>
    public void SetStepProperties(string stepName, JsonObject properties) => _stepProperties[stepName] = properties;

    public async Task<StepResult> RunAsync(IStepExecutor executor, string stepType, JsonObject arguments, CancellationToken cancellationToken = default, string stepName = "Step")
    {
        var definition = PipelineDefinition.FromJson(new JsonObject
        {
            ["Version"] = "2020-12-01",
            ["Parameters"] = new JsonArray(),
            ["Steps"] = new JsonArray(
                new JsonObject { ["Name"] = stepName, ["Type"] = stepType, ["Arguments"] = arguments.DeepClone() },
                new JsonObject { ["Name"] = "MakeModel", ["Type"] = StepTypes.Model, ["Arguments"] = new JsonObject() }),
        });
        var context = new StepContext
        {
            Execution = new ExecutionRecord("exec01", "test-pipeline", 1, ExecutionStatus.Executing, new Dictionary<string, string>(), DateTimeOffset.UtcNow),
            Definition = definition,
            Step = definition.FindStep(stepName)!,
            Attempt = 1,
            Arguments = arguments,
            StepJson = new JsonObject { ["Name"] = stepName, ["Type"] = stepType, ["Arguments"] = arguments.DeepClone() },
            Workspace = Path.Combine(_temp.Path, "work", stepName, "1"),
            Log = new ListStepLog(LogLines),
            Artifacts = Artifacts,
            Time = TimeProvider.System,
            Expressions = new EvaluationContext { StepProperties = name => _stepProperties.GetValueOrDefault(name) },
            Services = new EmptyServices(),
        };
        return await executor.ExecuteAsync(context, cancellationToken);
    }

    public void Dispose() => _temp.Dispose();

    private sealed class ListStepLog(List<string> lines) : IStepLog
    {
        public string Path => "memory";

        public void Write(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }

        public IReadOnlyList<string> Tail(int count)
        {
            lock (lines)
            {
                return [.. lines.TakeLast(count)];
            }
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
