using PipelineStudio.Core.Pipelines;

namespace PipelineStudio.Cli.Run;

/// <summary>What <c>run FILE|NAME</c> names: a definition file to save and run, or a stored pipeline.</summary>
public sealed record RunTarget(string PipelineName, string? DefinitionFile)
{
    /// <summary>An existing file is a definition file; a bare valid pipeline name is a stored pipeline. Null with an error otherwise.</summary>
    public static RunTarget? Resolve(string value, out string? error)
    {
        error = null;
        if (File.Exists(value))
        {
            var name = Path.GetFileNameWithoutExtension(value);
            if (!PipelineNames.IsValidPipelineName(name))
            {
                error = $"The file name '{name}' is not a valid pipeline name ({PipelineNames.PipelineNameRule}); rename the file.";
                return null;
            }

            return new RunTarget(name, Path.GetFullPath(value));
        }

        if (value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.Contains('/') || value.Contains(Path.DirectorySeparatorChar))
        {
            error = $"file not found: '{value}'.";
            return null;
        }

        if (!PipelineNames.IsValidPipelineName(value))
        {
            error = $"'{value}' is neither an existing file nor a valid pipeline name.";
            return null;
        }

        return new RunTarget(value, null);
    }

    /// <summary>Parses <c>K=V</c> pairs; null with an error naming the first bad one. A later K wins over an earlier one.</summary>
    public static Dictionary<string, string>? ParseParameters(IEnumerable<string> pairs, out string? error, string option = "--param")
    {
        error = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = $"{option} '{pair}' is not NAME=VALUE.";
                return null;
            }

            parameters[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        return parameters;
    }
}
