namespace PipelineStudio.Cli.Input;

/// <summary>
/// Reads definition files for the commands. A file that is missing or unreadable is a usage error
/// (exit 2), not a validation issue: the user named the wrong thing, the definition is not at fault.
/// </summary>
public static class DefinitionFileReader
{
    public static DefinitionFile Read(string path)
    {
        if (Directory.Exists(path))
        {
            return new DefinitionFile(path, null, $"'{path}' is a directory, not a definition file.");
        }

        if (!File.Exists(path))
        {
            return new DefinitionFile(path, null, $"file not found: '{path}'.");
        }

        try
        {
            return new DefinitionFile(path, File.ReadAllText(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DefinitionFile(path, null, $"cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>Reads every file; reports each unreadable one on <paramref name="error"/>.</summary>
    public static IReadOnlyList<DefinitionFile>? ReadAll(IEnumerable<string> paths, TextWriter error)
    {
        var files = paths.Select(Read).ToList();
        var unreadable = files.Where(f => !f.IsReadable).ToList();
        foreach (var file in unreadable)
        {
            error.WriteLine($"error: {file.ReadError}");
        }

        return unreadable.Count == 0 ? files : null;
    }
}
