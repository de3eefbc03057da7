using System.Globalization;
using System.Text.RegularExpressions;

namespace PipelineStudio.Core.Editing;

/// <summary>New step names that do not clash with the names already used (names are unique across branches too).</summary>
public static partial class StepNames
{
    /// <summary>
    /// <paramref name="baseName"/> itself when free, else the first free <c>baseName2</c>, <c>baseName3</c>, ...
    /// A trailing number already on the base ("Train2") is counted up from, not appended to.
    /// </summary>
    public static string Unique(string baseName, IReadOnlySet<string> taken)
    {
        var clean = Sanitize(baseName);
        if (!taken.Contains(clean))
        {
            return clean;
        }

        var match = TrailingNumber().Match(clean);
        var stem = match.Success ? clean[..match.Index] : clean;
        var next = match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) + 1 : 2;
        while (true)
        {
            var candidate = stem + next.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }

            next++;
        }
    }

    /// <summary>A step type as a name: "RegisterModel" stays, "PipelineStudio:Loop" becomes "Loop".</summary>
    public static string ForType(string type)
    {
        var colon = type.LastIndexOf(':');
        return Sanitize(colon >= 0 ? type[(colon + 1)..] : type);
    }

    // SageMaker step names: letters, digits, '-' and '_' (up to 64 characters).
    private static string Sanitize(string name)
    {
        var cleaned = InvalidCharacters().Replace(name, "");
        if (cleaned.Length == 0)
        {
            cleaned = "Step";
        }

        return cleaned.Length > 60 ? cleaned[..60] : cleaned;
    }

    [GeneratedRegex("[0-9]+$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex InvalidCharacters();
}
