using System.CommandLine;
using System.CommandLine.Invocation;
using PipelineStudio.Cli.Commands;

namespace PipelineStudio.Cli;

/// <summary>
/// The command tree and the process boundary: parse errors become exit code 2, and nothing that goes
/// wrong inside a command reaches the user as a stack trace.
/// </summary>
public static class CliApplication
{
    public const string ToolName = "pipelinestudio";

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "PipelineStudio: check, tidy and run SageMaker Model Building Pipeline definitions. " + ExitCodes.HelpText);
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(NormalizeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CallbackCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var parseResult = BuildRootCommand().Parse(args);
            if (parseResult.Action is ParseErrorAction)
            {
                // System.CommandLine would exit 1 here; 1 means "a definition has errors" for us,
                // so usage mistakes are reported and mapped to 2 at this boundary.
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine($"error: {parseError.Message}");
                }

                error.WriteLine($"Run '{ToolName} --help' for usage.");
                return ExitCodes.UsageError;
            }

            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            };
            return parseResult.Invoke(configuration);
        }
        catch (Exception ex)
        {
            error.WriteLine($"error: {ToolName} failed unexpectedly: {OneLine(ex.Message)} ({ex.GetType().Name})");
            return ExitCodes.InternalError;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
