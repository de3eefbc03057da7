namespace PipelineStudio.Web.Tests.Components;

/// <summary>A clock that says what the test tells it, so humanized times are predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
