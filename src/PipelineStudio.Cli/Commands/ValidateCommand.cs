using System.CommandLine;
using PipelineStudio.Cli.Input;
using PipelineStudio.Cli.Output;
using PipelineStudio.Core.Validation;

namespace PipelineStudio.Cli.Commands;

/// <summary><c>validate FILE... [--format text|json]</c>: every issue of every file, one exit code.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Pipeline definition JSON files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (default) or json (a list of {file, issues:[{code, severity, path, message}]}).",
            DefaultValueFactory = _ => ReportFormats.Text,
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.All]);
        files.Validators.Add(UnknownOptionGuard.RejectOptionLikeTokens);

        var command = new Command(
            "validate",
            "Validate pipeline definitions and list every issue with its code, severity and JSON path. "
            + "If any FILE does not exist or cannot be read, nothing is validated and the exit code is 2. "
            + ExitCodes.HelpText);
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(format) ?? ReportFormats.Text,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, TextWriter output, TextWriter error)
    {
        var files = DefinitionFileReader.ReadAll(paths, error);
        if (files is null)
        {
            return ExitCodes.UsageError;
        }

        var reports = files
            .Select(f => new FileReport(f.Path, DefinitionValidator.Validate(f.Text!).Issues))
            .ToList();
        ReportFormats.Create(format).Write(reports, output);
        return reports.Any(r => r.HasErrors) ? ExitCodes.IssuesFound : ExitCodes.Success;
    }
}
