using System.Text.RegularExpressions;

namespace PipelineStudio.Engine.Runtime;

/// <summary>
/// The SageMaker container file system of one job attempt, laid out under a local workspace: the container's
/// <c>/opt/ml/...</c> is <c>&lt;workspace&gt;/opt/ml/...</c>. Every occurrence of the <c>/opt/ml</c> prefix in a
/// command, argument or environment value is rewritten, also inside longer strings such as
/// <c>python3 -c "open('/opt/ml/processing/output/x')"</c>, because scripts pass paths in all those forms.
/// </summary>
public sealed partial class ContainerContract
{
    /// <summary>The container's root for everything SageMaker mounts.</summary>
    public const string ContainerRoot = "/opt/ml";

    public ContainerContract(string workspace)
    {
        Workspace = Path.GetFullPath(workspace);
        OptMl = Path.Combine(Workspace, "opt", "ml");
    }

    /// <summary>The attempt's workspace folder.</summary>
    public string Workspace { get; }

    /// <summary>The local folder standing in for <c>/opt/ml</c>.</summary>
    public string OptMl { get; }

    /// <summary>
    /// The usual per-attempt workspace: <c>&lt;data&gt;/work/&lt;execution&gt;/&lt;step&gt;/&lt;attempt&gt;</c>, names made safe for a path.
    /// </summary>
    public static string WorkspaceFor(string dataDirectory, string executionId, string stepName, int attempt) =>
        Path.Combine(Path.GetFullPath(dataDirectory), "work", SafeName(executionId), SafeName(stepName), attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The local path for a container path (<c>/opt/ml/model</c> -> <c>&lt;workspace&gt;/opt/ml/model</c>); other text is returned mapped the same way.</summary>
    public string MapPath(string containerPath) => Map(containerPath);

    /// <summary>Rewrites every <c>/opt/ml</c> path prefix inside <paramref name="text"/>.</summary>
    public string Map(string text) =>
        OptMlPrefix().Replace(text, OptMl);

    public IReadOnlyList<string> Map(IEnumerable<string> values) => [.. values.Select(Map)];

    public IReadOnlyDictionary<string, string> Map(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(pair => pair.Key, pair => Map(pair.Value), StringComparer.Ordinal);

    /// <summary>Creates the local folder for a container path and returns it.</summary>
    public string EnsureDirectory(string containerPath)
    {
        var path = Map(containerPath);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Replaces characters that are unsafe in a folder name with '_'.</summary>
    public static string SafeName(string name)
    {
        var safe = UnsafeNameCharacters().Replace(name, "_");
        return safe is "" or "." or ".." ? "_" : safe;
    }

    // "/opt/ml" not glued to a longer name before it ("/x/opt/ml", "my/opt/ml") nor after it ("/opt/mlflow").
    [GeneratedRegex(@"(?<![\w.\-])/opt/ml(?![\w.\-])", RegexOptions.CultureInvariant)]
    private static partial Regex OptMlPrefix();

    [GeneratedRegex(@"[^A-Za-z0-9._\-]", RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeNameCharacters();
}
