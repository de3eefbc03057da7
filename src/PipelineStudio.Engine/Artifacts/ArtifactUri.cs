namespace PipelineStudio.Engine.Artifacts;

/// <summary>
/// A parsed <c>s3://bucket/key</c> address. Parsing rejects what could not be stored safely on a local
/// disk (no bucket, "." or ".." segments, backslashes, NUL), so a URI can never name a file outside the
/// artifact root.
/// </summary>
public readonly record struct ArtifactUri(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    /// <summary>True when the URI names a prefix (no key, or a key ending in '/').</summary>
    public bool IsPrefix => Key.Length == 0 || Key.EndsWith('/');

    /// <summary>The key's segments, empty segments (from "a//b") dropped.</summary>
    public IReadOnlyList<string> Segments => Key.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The same address with <paramref name="relativeKey"/> ('/'-separated) appended below it as a prefix.</summary>
    public ArtifactUri Append(string relativeKey) =>
        new(Bucket, (Key.Length == 0 || Key.EndsWith('/') ? Key : Key + "/") + relativeKey.TrimStart('/'));

    public override string ToString() => Scheme + Bucket + "/" + Key;

    /// <summary>Parses <paramref name="uri"/>; throws <see cref="ArgumentException"/> naming the URI and the problem.</summary>
    public static ArtifactUri Parse(string? uri)
    {
        if (!TryParse(uri, out var parsed, out var problem))
        {
            throw new ArgumentException($"Artifact URI '{uri}' is invalid: {problem}", nameof(uri));
        }

        return parsed;
    }

    public static bool TryParse(string? uri, out ArtifactUri parsed, out string problem)
    {
        parsed = default;
        if (string.IsNullOrWhiteSpace(uri) || !uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            problem = "it must start with s3://";
            return false;
        }

        var rest = uri[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length == 0 || bucket.StartsWith('.'))
        {
            problem = "it names no bucket (a bucket name must not be empty or start with '.')";
            return false;
        }

        if (uri.Contains('\\', StringComparison.Ordinal) || uri.Contains('\0', StringComparison.Ordinal))
        {
            problem = "backslashes and NUL characters are not allowed";
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment is "." or "..")
            {
                problem = "'.' and '..' segments would escape the artifact root";
                return false;
            }
        }

        parsed = new ArtifactUri(bucket, key);
        problem = "";
        return true;
    }
}
