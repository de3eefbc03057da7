using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>Where a lineage entity leads in the studio: its execution, its step run, its registry entry.</summary>
public static class LineageLinks
{
    private const string PackageArnMarker = ":model-package/";

    public static string Explorer(string entityId, LineageViewState? state = null) =>
        $"/lineage/{Uri.EscapeDataString(entityId)}" + (state?.ToQueryString() is { Length: > 0 } query ? "?" + query : "");

    /// <summary>The "what changed upstream" page for two entities (either may be left for the page to ask for).</summary>
    public static string Compare(string? a, string? b, bool showAll = false)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(a))
        {
            query.Add("a=" + Uri.EscapeDataString(a));
        }

        if (!string.IsNullOrWhiteSpace(b))
        {
            query.Add("b=" + Uri.EscapeDataString(b));
        }

        if (showAll)
        {
            query.Add("all=true");
        }

        return "/lineage/compare" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>The execution comparison page (parameters, metrics, durations) for two executions.</summary>
    public static string CompareExecutions(string a, string b) => $"/compare?executions={Uri.EscapeDataString(a)},{Uri.EscapeDataString(b)}";

    public static string? Execution(LineageEntity entity) =>
        entity.ExecutionId is { Length: > 0 } id ? $"/executions/{Uri.EscapeDataString(id)}" : null;

    /// <summary>The execution page with the step's run selected (its drawer shows the logs).</summary>
    public static string? StepRun(LineageEntity entity) =>
        Execution(entity) is { } execution && entity.StepName is { Length: > 0 } step ? $"{execution}?step={Uri.EscapeDataString(step)}" : null;

    /// <summary><c>/models/{group}/{version}</c> for a model package (its source URI is the package ARN), else null.</summary>
    public static string? Registry(LineageEntity entity)
    {
        if (entity.Type != LineageTypes.ModelPackage || entity.SourceUri is not { } arn)
        {
            return null;
        }

        var at = arn.IndexOf(PackageArnMarker, StringComparison.Ordinal);
        var parts = at < 0 ? [] : arn[(at + PackageArnMarker.Length)..].Split('/');
        return parts is [{ Length: > 0 } group, { Length: > 0 } version]
            ? $"/models/{Uri.EscapeDataString(group)}/{Uri.EscapeDataString(version)}"
            : null;
    }

    /// <summary>1536 -> "1.5 KB"; null when unknown.</summary>
    public static string? FormatSize(long? bytes)
    {
        if (bytes is not { } size)
        {
            return null;
        }

        string[] units = ["B", "KB", "MB", "GB", "TB"];
        var value = (double)size;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{size} B" : value.ToString(value < 10 ? "0.#" : "0", System.Globalization.CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
