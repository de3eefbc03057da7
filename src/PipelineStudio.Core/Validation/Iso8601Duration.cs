using System.Text.RegularExpressions;

namespace PipelineStudio.Core.Validation;

/// <summary>ISO-8601 durations as CacheConfig.ExpireAfter takes them: <c>PT1H</c>, <c>P30D</c>, <c>P1DT12H</c>, <c>P2W</c>.</summary>
public static partial class Iso8601Duration
{
    /// <summary>True for a duration with at least one component, and at least one after a <c>T</c>.</summary>
    public static bool IsValid(string? text) => text is not null && DurationRegex().IsMatch(text);

    [GeneratedRegex(@"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
