namespace PipelineStudio.TestSupport;

/// <summary>
/// The definition corpus (<c>Definitions/*.json</c>), the broken inputs (<c>Definitions/invalid/*.json</c>)
/// and the demo pipelines (<c>samples/*.json</c>). The build copies all three next to every test
/// assembly that references TestSupport, so tests read them from <see cref="AppContext.BaseDirectory"/>.
/// Names are file names without <c>.json</c>.
/// </summary>
public static class SampleDefinitions
{
    /// <summary>Preprocess, train, evaluate, condition, RegisterModel + Model + Transform, else Fail.</summary>
    public const string Abalone = "abalone-end-to-end";

    /// <summary>Tuning with TrainingJobSummaries[0] and BestTrainingJob references.</summary>
    public const string HyperparameterTuning = "hyperparameter-tuning";

    /// <summary>Lambda and Callback steps whose OutputParameters are referenced downstream.</summary>
    public const string LambdaCallback = "lambda-callback";

    /// <summary>EMR steps (ClusterId and ClusterConfig) chained through DependsOn.</summary>
    public const string EmrDependsOn = "emr-depends-on";

    /// <summary>QualityCheck and ClarifyCheck steps feeding RegisterModel's metrics and drift baselines.</summary>
    public const string ModelMonitorChecks = "model-monitor-checks";

    /// <summary>A Condition inside a Condition's IfSteps; PipelineExperimentConfig is <c>null</c>.</summary>
    public const string NestedCondition = "nested-condition";

    /// <summary>@step function steps (Training) read with the Std:JsonGet S3Uri form.</summary>
    public const string FunctionSteps = "function-steps";

    /// <summary>An unknown future step type and unknown fields at every level: warnings only.</summary>
    public const string FutureStepType = "future-step-type";

    /// <summary>In, Not and Or conditions next to the binary comparisons.</summary>
    public const string ConditionOperators = "condition-operators";

    /// <summary>All eight execution variables and PipelineExperimentConfig references.</summary>
    public const string ExecutionVariables = "execution-variables";

    /// <summary>A ModelStep collection as the SDK expands it (-RepackModel-0, -RegisterModel, -CreateModel).</summary>
    public const string ModelStepCollection = "model-step-collection";

    public const string ChurnPredictionSample = "churn-prediction";
    public const string CallbackApprovalSample = "callback-approval";

    public const string MalformedJson = "malformed-json";
    public const string Cycle = "cycle";
    public const string DanglingDependsOn = "dangling-depends-on";
    public const string BadPropertyPath = "bad-property-path";
    public const string UndeclaredParameter = "undeclared-parameter";
    public const string DuplicateStepName = "duplicate-step-name";

    public static string DefinitionsDirectory => Path.Combine(AppContext.BaseDirectory, "Definitions");

    public static string InvalidDirectory => Path.Combine(DefinitionsDirectory, "invalid");

    /// <summary>The copied <c>samples/</c> folder: definitions plus their script folders.</summary>
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>Names of the valid corpus definitions, sorted.</summary>
    public static IReadOnlyList<string> CorpusNames => NamesIn(DefinitionsDirectory);

    /// <summary>Names of the broken inputs, sorted.</summary>
    public static IReadOnlyList<string> InvalidNames => NamesIn(InvalidDirectory);

    /// <summary>Names of the demo pipelines, sorted; each is also a valid pipeline name.</summary>
    public static IReadOnlyList<string> SampleNames => NamesIn(SamplesDirectory);

    public static string CorpusPath(string name) => ExistingPath(DefinitionsDirectory, name);

    public static string InvalidPath(string name) => ExistingPath(InvalidDirectory, name);

    public static string SamplePath(string name) => ExistingPath(SamplesDirectory, name);

    /// <summary>The folder holding a sample's scripts (<c>samples/&lt;name&gt;/</c>).</summary>
    public static string SampleScriptsDirectory(string name) => Path.Combine(SamplesDirectory, WithoutExtension(name));

    public static string ReadCorpus(string name) => File.ReadAllText(CorpusPath(name));

    public static string ReadInvalid(string name) => File.ReadAllText(InvalidPath(name));

    public static string ReadSample(string name) => File.ReadAllText(SamplePath(name));

    /// <summary>Every valid definition, corpus and samples, as (label, text); label is e.g. <c>samples/churn-prediction</c>.</summary>
    public static IEnumerable<(string Label, string Text)> AllValid() =>
        CorpusNames.Select(n => ("Definitions/" + n, ReadCorpus(n)))
            .Concat(SampleNames.Select(n => ("samples/" + n, ReadSample(n))));

    private static List<string> NamesIn(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException(
                $"'{directory}' is missing: reference PipelineStudio.TestSupport so the build copies the definitions next to the test assembly.");

    private static string ExistingPath(string directory, string name)
    {
        var path = Path.Combine(directory, WithoutExtension(name) + ".json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"No definition named '{name}' in '{directory}'.", path);
    }

    private static string WithoutExtension(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
}
