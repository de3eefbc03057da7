using PipelineStudio.Core.Abstractions;

namespace PipelineStudio.Persistence.Tests.Support;

internal static class Saves
{
    public static string Definition(int steps) =>
        $$"""{"Version":"2020-12-01","Steps":[{{string.Join(",", Enumerable.Range(1, steps).Select(i => $$"""{"Name":"S{{i}}","Type":"Fail"}"""))}}]}""";

    public static SavePipelineVersion Request(
        string name, int steps = 1, string message = "Saved", int? expectedLatest = null,
        string? original = null, string? displayName = null, string? description = null) =>
        new(name, Definition(steps), "alice", message, steps, original, displayName, description, expectedLatest);
}
