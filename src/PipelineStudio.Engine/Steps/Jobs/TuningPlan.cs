using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// What a tuning job will run, read from CreateHyperParameterTuningJob arguments: the training job definition,
/// the objective, the hyperparameter sets (Grid or Random; Bayesian and Hyperband fall back to Random, which the
/// step's log says) and how many training jobs may run at once.
/// </summary>
public sealed record TuningPlan(
    JsonObject Definition,
    string ObjectiveMetric,
    bool Maximize,
    string Strategy,
    IReadOnlyList<IReadOnlyDictionary<string, string>> HyperParameterSets,
    int MaxParallelJobs)
{
    /// <summary>Used when a Random search names no MaxNumberOfTrainingJobs.</summary>
    public const int DefaultRandomJobs = 10;

    private static readonly string[] TuningOnlyKeys = ["StaticHyperParameters", "HyperParameterRanges", "TuningObjective", "DefinitionName", "HyperParameterTuningResourceConfig"];

    /// <summary>Reads the plan; anything malformed throws <see cref="JobFailedException"/> naming it.</summary>
    /// <param name="seed">Seeds the random search, so a retried attempt tries the same sets.</param>
    public static TuningPlan Read(JsonObject arguments, string seed, Action<string> note)
    {
        var config = arguments["HyperParameterTuningJobConfig"] as JsonObject
            ?? throw JobFailedException.Client("The tuning job has no HyperParameterTuningJobConfig.");
        var definition = arguments["TrainingJobDefinition"] as JsonObject ?? FirstOfMany(arguments, note)
            ?? throw JobFailedException.Client("The tuning job has no TrainingJobDefinition.");
        var objective = config["HyperParameterTuningJobObjective"] as JsonObject ?? definition["TuningObjective"] as JsonObject;
        var metric = JobJson.Text(objective, "MetricName")
            ?? throw JobFailedException.Client("The tuning job has no HyperParameterTuningJobObjective.MetricName.");
        var type = JobJson.Text(objective, "Type") ?? "Maximize";
        if (type is not ("Maximize" or "Minimize"))
        {
            throw JobFailedException.Client($"HyperParameterTuningJobObjective.Type '{type}' must be Maximize or Minimize.");
        }

        var metricNames = JsonRead.Objects((definition["AlgorithmSpecification"] as JsonObject)?["MetricDefinitions"]).Select(m => JsonRead.String(m, "Name"));
        if (!metricNames.Contains(metric))
        {
            throw JobFailedException.Client($"The objective metric '{metric}' is not among the training job's MetricDefinitions.");
        }

        var maxJobs = Count(config, "MaxNumberOfTrainingJobs");
        var maxParallel = Math.Max(1, Count(config, "MaxParallelTrainingJobs") ?? 1);
        var strategy = JobJson.Text(config, "Strategy") ?? "Bayesian";
        try
        {
            var ranges = SearchSpace.Read(config["ParameterRanges"] ?? definition["HyperParameterRanges"]);
            IReadOnlyList<IReadOnlyDictionary<string, string>> sets;
            if (strategy == "Grid")
            {
                sets = SearchSpace.Grid(ranges, maxJobs);
            }
            else
            {
                if (strategy != "Random")
                {
                    note($"Strategy {strategy} runs as Random search locally.");
                }

                if (maxJobs is null)
                {
                    note($"No ResourceLimits.MaxNumberOfTrainingJobs: running {DefaultRandomJobs} training jobs.");
                }

                sets = SearchSpace.Random(ranges, maxJobs ?? DefaultRandomJobs, new Random(StableSeed(seed)));
            }

            return new TuningPlan(definition, metric, type == "Maximize", strategy, sets, maxParallel);
        }
        catch (ArgumentException ex)
        {
            throw JobFailedException.Client(ex.Message);
        }
    }

    /// <summary>The CreateTrainingJob request of one training job: the definition with its static and tuned hyperparameters merged.</summary>
    public JsonObject TrainingRequest(IReadOnlyDictionary<string, string> tuned)
    {
        var request = Definition.DeepClone().AsObject();
        var hyperParameters = Definition["StaticHyperParameters"]?.DeepClone() as JsonObject ?? [];
        foreach (var key in TuningOnlyKeys)
        {
            request.Remove(key);
        }

        foreach (var (name, value) in tuned)
        {
            hyperParameters[name] = value;
        }

        request["HyperParameters"] = hyperParameters;
        return request;
    }

    private static JsonObject? FirstOfMany(JsonObject arguments, Action<string> note)
    {
        var definitions = JsonRead.Objects(arguments["TrainingJobDefinitions"]).ToList();
        if (definitions.Count > 1)
        {
            note($"The tuning job has {definitions.Count} TrainingJobDefinitions; only the first runs locally.");
        }

        return definitions.FirstOrDefault();
    }

    private static int? Count(JsonObject config, string limit) =>
        JobJson.Text(config, "ResourceLimits", limit) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;

    private static int StableSeed(string seed) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0);
}
