using System.Collections.Immutable;
using System.Text;
using PipelineStudio.Core.Lineage;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>
/// Everything that decides what the lineage explorer shows, as it appears in the URL
/// (<c>?direction=both&amp;depth=2&amp;types=DataSet,Model&amp;selected=a,b&amp;expanded=c&amp;group=true</c>), so a link reopens the
/// same picture. Parsing never throws: unknown or out-of-range values fall back to the defaults.
/// </summary>
public sealed record LineageViewState(
    LineageDirection Direction = LineageDirection.Both,
    int Depth = LineageViewState.DefaultDepth,
    ImmutableSortedSet<string>? Types = null,
    ImmutableArray<string> Selected = default,
    ImmutableArray<string> Expanded = default,
    bool GroupArtifacts = false)
{
    public const int DefaultDepth = 2;

    /// <summary>At most this many nodes are queried; more show a "truncated" warning.</summary>
    public const int MaxNodes = 2_000;

    /// <summary>The types shown; null shows every type.</summary>
    public ImmutableSortedSet<string>? Types { get; init; } = Types;

    public ImmutableArray<string> Selected { get; init; } = Selected.IsDefault ? [] : Selected;

    public ImmutableArray<string> Expanded { get; init; } = Expanded.IsDefault ? [] : Expanded;

    public bool Shows(string type) => Types is null || Types.Contains(type);

    public static LineageViewState Parse(string? direction, int? depth, string? types, string? selected, string? expanded, bool? group) => new(
        Enum.TryParse<LineageDirection>(direction, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : LineageDirection.Both,
        depth is { } n && n is >= 1 and <= LineageQuery.DepthLimit ? n : DefaultDepth,
        string.IsNullOrWhiteSpace(types) ? null : [.. List(types)],
        [.. List(selected).Distinct(StringComparer.Ordinal).Take(2)],
        [.. List(expanded).Distinct(StringComparer.Ordinal)],
        group ?? false);

    /// <summary>Clicking selects one node; with <paramref name="addToPath"/> it becomes the second end of a path (the older second end drops).</summary>
    public LineageViewState Select(string? id, bool addToPath) => this with
    {
        Selected = id is null ? []
            : addToPath && Selected.Length > 0 && Selected[0] != id ? [Selected[0], id]
            : [id],
    };

    public LineageViewState Expand(string id) => Expanded.Contains(id) ? this : this with { Expanded = Expanded.Add(id) };

    /// <summary>Hides or shows one type; <paramref name="allTypes"/> are the types present, for the first chip turned off.</summary>
    public LineageViewState ToggleType(string type, IEnumerable<string> allTypes)
    {
        var shown = Types ?? [.. allTypes];
        shown = shown.Contains(type) ? shown.Remove(type) : shown.Add(type);
        return this with { Types = allTypes.All(shown.Contains) ? null : shown };
    }

    /// <summary>The query string (without '?') that <see cref="Parse"/> turns back into this state; defaults are left out.</summary>
    public string ToQueryString()
    {
        var query = new StringBuilder();
        Append(query, "direction", Direction.ToString().ToLowerInvariant());
        Append(query, "depth", Depth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Types is not null)
        {
            Append(query, "types", string.Join(',', Types));
        }

        AppendList(query, "selected", Selected);
        AppendList(query, "expanded", Expanded);
        if (GroupArtifacts)
        {
            Append(query, "group", "true");
        }

        return query.ToString();
    }

    private static void AppendList(StringBuilder query, string name, ImmutableArray<string> values)
    {
        if (values.Length > 0)
        {
            Append(query, name, string.Join(',', values));
        }
    }

    private static void Append(StringBuilder query, string name, string value) =>
        query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal));

    private static IEnumerable<string> List(string? commaSeparated) =>
        (commaSeparated ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
