namespace PipelineStudio.Cli;

/// <summary>The process exit codes every command shares; scripts and CI branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything checked is fine (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>At least one definition has an error (or, for normalize, does not parse).</summary>
    public const int IssuesFound = 1;

    /// <summary>The command line is wrong: unknown option or command, no file, a file that cannot be read.</summary>
    public const int UsageError = 2;

    /// <summary>Something unexpected failed inside the tool; the message says what.</summary>
    public const int InternalError = 3;

    /// <summary>The exit-code table shown in --help.</summary>
    public const string HelpText =
        "Exit codes: 0 no errors (warnings allowed), 1 a definition has errors, "
        + "2 usage error (unknown option, no file, a file that does not exist or cannot be read), 3 unexpected failure.";
}
