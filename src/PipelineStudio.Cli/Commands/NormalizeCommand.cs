using System.CommandLine;
using PipelineStudio.Cli.Input;
using PipelineStudio.Core.Definitions;

namespace PipelineStudio.Cli.Commands;

/// <summary>
/// <c>normalize FILE</c>: the definition re-serialized as indented JSON. Lossless: only whitespace
/// changes, so a diff against the output shows formatting, never content.
/// </summary>
public static class NormalizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Pipeline definition JSON file to re-serialize." };
        file.Validators.Add(UnknownOptionGuard.RejectOptionLikeTokens);
        var command = new Command(
            "normalize",
            "Print the definition re-serialized as indented JSON (content unchanged). "
            + "Exit 1 with the issue on stderr when the file is not a JSON object; 2 when it does not exist or cannot be read.");
        command.Arguments.Add(file);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file) ?? "",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, TextWriter output, TextWriter error)
    {
        var read = DefinitionFileReader.Read(path);
        if (!read.IsReadable)
        {
            error.WriteLine($"error: {read.ReadError}");
            return ExitCodes.UsageError;
        }

        var (json, issue) = DefinitionJson.Parse(read.Text!);
        if (json is null)
        {
            error.WriteLine($"{path}: {issue!.Path}: {issue.Code} error {issue.Message}");
            return ExitCodes.IssuesFound;
        }

        output.WriteLine(PipelineDefinition.FromJson(json).ToJson());
        return ExitCodes.Success;
    }
}
