using System.Globalization;
using System.Text.Json.Nodes;
using PipelineStudio.Engine.Runtime;

namespace PipelineStudio.Engine.Steps.Jobs;

/// <summary>The SM_* variables the SageMaker training toolkit gives a script-mode training script.</summary>
public static class ScriptModeEnvironment
{
    /// <summary>The one "host" of a local job.</summary>
    public const string Host = "algo-1";

    public static IReadOnlyDictionary<string, string> Create(
        string jobName, HyperParameters hyperParameters, IReadOnlyList<(string Name, string Folder)> channels, ContainerContract contract)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TRAINING_JOB_NAME"] = jobName,
            ["TRAINING_JOB_ARN"] = JobNames.Arn("training-job", jobName),
            ["SM_MODEL_DIR"] = contract.Map("/opt/ml/model"),
            ["SM_OUTPUT_DIR"] = contract.Map("/opt/ml/output"),
            ["SM_OUTPUT_DATA_DIR"] = contract.Map("/opt/ml/output/data"),
            ["SM_INPUT_DIR"] = contract.Map("/opt/ml/input"),
            ["SM_INPUT_CONFIG_DIR"] = contract.Map("/opt/ml/input/config"),
            ["SM_INPUT_DATA_CONFIG"] = contract.Map("/opt/ml/input/config/inputdataconfig.json"),
            ["SM_CHANNELS"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c.Name))]).ToJsonString(),
            ["SM_HPS"] = hyperParameters.ToSmHps(),
            ["SM_USER_ARGS"] = new JsonArray([.. hyperParameters.ToArguments().Select(a => JsonValue.Create(a))]).ToJsonString(),
            ["SM_CURRENT_HOST"] = Host,
            ["SM_HOSTS"] = new JsonArray(Host).ToJsonString(),
            ["SM_NUM_GPUS"] = "0",
            ["SM_NUM_CPUS"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["SM_LOG_LEVEL"] = hyperParameters.Decoded.GetValueOrDefault("sagemaker_container_log_level", "20"),
        };
        if (hyperParameters.Program is { } program)
        {
            environment["SM_USER_ENTRY_POINT"] = program;
            environment["SM_MODULE_NAME"] = Path.GetFileNameWithoutExtension(program);
            environment["SM_MODULE_DIR"] = hyperParameters.SubmitDirectory ?? "";
        }

        foreach (var (name, folder) in channels)
        {
            environment["SM_CHANNEL_" + name.ToUpperInvariant().Replace('-', '_').Replace('.', '_')] = folder;
        }

        foreach (var (name, value) in hyperParameters.ToEnvironment())
        {
            environment[name] = value;
        }

        return environment;
    }
}
