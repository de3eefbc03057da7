using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Core.Expressions;
using PipelineStudio.Core.Runs;

namespace PipelineStudio.Engine.Scheduling;

/// <summary>Builds the expression context of an execution: typed parameters, variables, step properties, property files.</summary>
public static class ExpressionContexts
{
    /// <param name="properties">Parsed properties of finished steps, filled in as steps succeed (parsed once, shared).</param>
    public static EvaluationContext ForExecution(
        ExecutionRecord execution, PipelineDefinition definition, IArtifactStore artifacts, TimeProvider time,
        ConcurrentDictionary<string, JsonNode?> properties)
    {
        var binding = ParameterBinder.Bind(definition, execution.Parameters);
        return new EvaluationContext
        {
            Parameters = binding.Values,
            ExecutionVariables = ExecutionVariables.Create(execution.Id, execution.PipelineName, execution.CreatedAt),
            Time = time,
            StepProperties = step => properties.GetValueOrDefault(step),
            ReadText = uri => new ValueTask<string?>(artifacts.ReadTextAsync(uri)),
            ReadPropertyFile = (step, file) => ReadPropertyFileAsync(definition, properties, artifacts, step, file),
            PipelineExperimentConfig = definition.PipelineExperimentConfig,
        };
    }

    /// <summary>A property file is a JSON file a Processing step wrote into one of its outputs (PropertyFiles: Name, OutputName, FilePath).</summary>
    private static async ValueTask<JsonNode?> ReadPropertyFileAsync(
        PipelineDefinition definition, ConcurrentDictionary<string, JsonNode?> properties, IArtifactStore artifacts, string step, string file)
    {
        if (PropertyFileUri(definition, properties.GetValueOrDefault(step), step, file) is not { } uri)
        {
            return null;
        }

        var text = await artifacts.ReadTextAsync(uri).ConfigureAwait(false);
        try
        {
            return text is null ? null : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new ExpressionException($"PropertyFiles['{file}'] of step '{step}'", $"{uri} is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Where a step's property file lives: its output's S3 prefix (from the step's properties) joined with the
    /// file path; null when the step declares no such file, has not produced properties, or names no such output.
    /// </summary>
    public static string? PropertyFileUri(PipelineDefinition definition, JsonNode? stepProperties, string step, string file)
    {
        var propertyFile = definition.FindStep(step)?.PropertyFiles.FirstOrDefault(p => p.Name == file);
        if (propertyFile?.OutputName is not { } outputName || stepProperties is null)
        {
            return null;
        }

        string? prefix;
        try
        {
            prefix = PropertyResolver.Resolve(stepProperties, $"ProcessingOutputConfig.Outputs['{outputName}'].S3Output.S3Uri")?.GetValue<string>();
        }
        catch (Exception ex) when (ex is ExpressionException or InvalidOperationException or FormatException)
        {
            return null;
        }

        return prefix is null ? null : prefix.TrimEnd('/') + "/" + (propertyFile.FilePath ?? string.Empty).TrimStart('/');
    }
}
