using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>
/// Runs Tuning steps: the plan's training jobs (each a full local <see cref="TrainingJob"/> in its own
/// workspace, at most MaxParallelTrainingJobs at once), then the best by the objective metric. Properties are
/// DescribeHyperParameterTuningJob-shaped plus TrainingJobSummaries sorted best first, so
/// <c>TrainingJobSummaries[0].TrainingJobName</c> names the best job.
/// </summary>
public sealed class TuningExecutor : JobStepExecutor
{
    public TuningExecutor(IProcessRuntime runtime, ImageCommandMap images)
        : base(runtime, images)
    {
    }

    public override bool CanExecute(string stepType) => stepType == StepTypes.Tuning;

    protected override async Task<StepResult> RunAsync(StepContext context, JobServices services, CancellationToken cancellationToken)
    {
        var createdAt = services.Time.GetUtcNow();
        var tuningJobName = JobNames.Create(context.Execution.Id, context.StepName);
        var plan = TuningPlan.Read(context.Arguments, $"{context.Execution.Id}/{context.StepName}", services.Note);
        services.Note($"{plan.Strategy} search: {plan.HyperParameterSets.Count} training job(s), at most {plan.MaxParallelJobs} at once, {(plan.Maximize ? "maximizing" : "minimizing")} {plan.ObjectiveMetric}.");

        using var slots = new SemaphoreSlim(plan.MaxParallelJobs);
        var runs = plan.HyperParameterSets.Select((tuned, i) => RunOneAsync(context, services, plan, tuningJobName, i + 1, tuned, slots, cancellationToken));
        var trials = await Task.WhenAll(runs).ConfigureAwait(false);

        var ranked = trials.Where(t => t.Objective is not null)
            .OrderBy(t => plan.Maximize ? -t.Objective!.Value : t.Objective!.Value)
            .Concat(trials.Where(t => t.Objective is null))
            .ToList();
        if (ranked.Count == 0 || ranked[0].Objective is null)
        {
            return NoBestJob(plan, trials);
        }

        var endedAt = services.Time.GetUtcNow();
        var summaries = new JsonArray([.. ranked.Select(t => t.Summary(plan, tuningJobName))]);
        var properties = new JsonObject
        {
            ["HyperParameterTuningJobName"] = tuningJobName,
            ["HyperParameterTuningJobArn"] = JobNames.Arn("hyper-parameter-tuning-job", tuningJobName),
            ["HyperParameterTuningJobConfig"] = context.Arguments["HyperParameterTuningJobConfig"]?.DeepClone(),
            ["TrainingJobDefinition"] = plan.Definition.DeepClone(),
            ["HyperParameterTuningJobStatus"] = "Completed",
            ["CreationTime"] = JobJson.Time(createdAt),
            ["HyperParameterTuningEndTime"] = JobJson.Time(endedAt),
            ["LastModifiedTime"] = JobJson.Time(endedAt),
            ["TrainingJobStatusCounters"] = new JsonObject
            {
                ["Completed"] = trials.Count(t => t.FailureReason is null),
                ["InProgress"] = 0,
                ["RetryableError"] = 0,
                ["NonRetryableError"] = trials.Count(t => t.FailureReason is not null),
                ["Stopped"] = 0,
            },
            ["ObjectiveStatusCounters"] = new JsonObject
            {
                ["Succeeded"] = trials.Count(t => t.Objective is not null),
                ["Pending"] = 0,
                ["Failed"] = trials.Count(t => t.Objective is null),
            },
            ["BestTrainingJob"] = ranked[0].Summary(plan, tuningJobName),
            ["OverallBestTrainingJob"] = ranked[0].Summary(plan, tuningJobName),
            ["TrainingJobSummaries"] = summaries,
        };
        services.Note($"Best training job: {ranked[0].Name} ({plan.ObjectiveMetric} = {ranked[0].Objective}).");
        return StepResult.Success(properties, ArnMetadata("TuningJob", properties["HyperParameterTuningJobArn"]!.GetValue<string>()));
    }

    private static async Task<Trial> RunOneAsync(
        StepContext context, JobServices services, TuningPlan plan, string tuningJobName, int index,
        IReadOnlyDictionary<string, string> tuned, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var name = JobNames.ForTrainingJobOfTuning(tuningJobName, index);
            var prefix = $"[job {index:000}] ";
            var jobServices = services with { Log = line => services.Log(prefix + line) };
            var contract = new ContainerContract(Path.Combine(context.Workspace, "jobs", index.ToString("000", System.Globalization.CultureInfo.InvariantCulture)));
            jobServices.Note($"Training job {name} with {string.Join(", ", tuned.Select(p => $"{p.Key}={p.Value}"))}.");
            try
            {
                var result = await TrainingJob.RunAsync(plan.TrainingRequest(tuned), name, contract, jobServices, cancellationToken).ConfigureAwait(false);
                var objective = result.Metrics.Latest(plan.ObjectiveMetric);
                if (objective is null)
                {
                    jobServices.Note($"The job's log never matched the objective metric '{plan.ObjectiveMetric}'.");
                }

                return new Trial(name, tuned, result.Properties, objective, null, null);
            }
            catch (JobFailedException ex)
            {
                jobServices.Note("Failed: " + ex.Message);
                return new Trial(name, tuned, null, null, ex.Message, ex.Kind);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private static StepResult NoBestJob(TuningPlan plan, IReadOnlyList<Trial> trials)
    {
        var failed = trials.Where(t => t.FailureReason is not null).ToList();
        if (failed.Count == trials.Count && failed.Count > 0)
        {
            var kinds = failed.Select(t => t.FailureKind).Distinct().ToList();
            return StepResult.Failure(
                $"All {failed.Count} training jobs failed. The first, {failed[0].Name}: {failed[0].FailureReason}",
                kinds.Count == 1 ? kinds[0] : FailureKinds.AlgorithmError);
        }

        return StepResult.Failure(
            $"No training job reported the objective metric '{plan.ObjectiveMetric}' ({failed.Count} of {trials.Count} failed); check the MetricDefinitions regex against the job logs.",
            FailureKinds.AlgorithmError);
    }

    private sealed record Trial(
        string Name, IReadOnlyDictionary<string, string> Tuned, JsonObject? Properties, double? Objective, string? FailureReason, string? FailureKind)
    {
        public JsonObject Summary(TuningPlan plan, string tuningJobName)
        {
            var tuned = new JsonObject();
            foreach (var (key, setting) in Tuned)
            {
                tuned[key] = setting;
            }

            var summary = new JsonObject
            {
                ["TrainingJobName"] = Name,
                ["TrainingJobArn"] = JobNames.Arn("training-job", Name),
                ["TuningJobName"] = tuningJobName,
                ["CreationTime"] = Properties?["CreationTime"]?.DeepClone(),
                ["TrainingStartTime"] = Properties?["TrainingStartTime"]?.DeepClone(),
                ["TrainingEndTime"] = Properties?["TrainingEndTime"]?.DeepClone(),
                ["TrainingJobStatus"] = FailureReason is null ? "Completed" : "Failed",
                ["TunedHyperParameters"] = tuned,
                ["ObjectiveStatus"] = Objective is null ? "Failed" : "Succeeded",
            };
            if (Objective is { } value)
            {
                summary["FinalHyperParameterTuningJobObjectiveMetric"] = new JsonObject
                {
                    ["Type"] = plan.Maximize ? "Maximize" : "Minimize",
                    ["MetricName"] = plan.ObjectiveMetric,
                    ["Value"] = value,
                };
            }

            if (FailureReason is not null)
            {
                summary["FailureReason"] = FailureReason;
            }

            return summary;
        }
    }
}
