namespace PipelineStudio.Cli.Input;

/// <summary>The text of a definition file, or why it could not be read.</summary>
public sealed record DefinitionFile(string Path, string? Text, string? ReadError)
{
    public bool IsReadable => Text is not null;
}
