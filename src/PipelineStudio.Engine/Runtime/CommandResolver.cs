namespace PipelineStudio.Engine.Runtime;

/// <summary>Finds a program the way a shell does: a name with a '/' is a path, a bare name is looked up on PATH.</summary>
public sealed class CommandResolver
{
    private readonly Func<string, bool> _isExecutableFile;
    private readonly Func<string?> _pathVariable;

    public CommandResolver()
        : this(IsExecutableFile, static () => Environment.GetEnvironmentVariable("PATH"))
    {
    }

    /// <summary>For tests: a file check and a PATH of their own.</summary>
    public CommandResolver(Func<string, bool> isExecutableFile, Func<string?> pathVariable)
    {
        _isExecutableFile = isExecutableFile;
        _pathVariable = pathVariable;
    }

    public bool Exists(string path) => _isExecutableFile(path);

    /// <summary>The full path of <paramref name="command"/>, or null when it is a bare name that is nowhere on PATH.</summary>
    public string? Resolve(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return command;
        }

        foreach (var folder in (_pathVariable() ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (_isExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
