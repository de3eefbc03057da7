namespace PipelineStudio.E2E.Infrastructure;

/// <summary>Where the browser is and how long anything may take before a test fails instead of hanging.</summary>
public static class E2ESettings
{
    /// <summary>Every wait, navigation and assertion gives up after this long.</summary>
    public const float TimeoutMs = 30_000;

    /// <summary>Debian's chromium; Playwright never downloads a browser here. <c>CHROMIUM_PATH</c> overrides it.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static IReadOnlyList<string> ChromiumArgs { get; } =
    [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>Screenshots land here (under the test output directory), for people and CI artifacts.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "test-artifacts");
}
