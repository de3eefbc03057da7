using System.Security.Cryptography;
using System.Text;

namespace PipelineStudio.Web.Model.Lineage;

/// <summary>Element ids of the icon symbols in <c>LineageSvgDefs</c>, one per distinct icon of <see cref="LineageEntityStyles"/>.</summary>
public static class LineageIcons
{
    private static readonly Dictionary<string, string> IdByIcon = LineageEntityStyles.AllIcons
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(icon => icon, IdFor, StringComparer.Ordinal);

    /// <summary>Every symbol: its id and its SVG content.</summary>
    public static IEnumerable<(string Id, string Icon)> All => IdByIcon.Select(p => (p.Value, p.Key));

    /// <summary>The <c>href</c> of a <c>&lt;use&gt;</c> drawing <paramref name="icon"/>.</summary>
    public static string HrefOf(string icon) => "#" + (IdByIcon.TryGetValue(icon, out var id) ? id : IdFor(icon));

    // Derived from the icon itself, so the id is the same in every circuit and process.
    private static string IdFor(string icon) => "lineage-icon-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(icon)))[..10];
}
