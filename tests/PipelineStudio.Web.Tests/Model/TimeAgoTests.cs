using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class TimeAgoTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(45 * 60, "45 minutes ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(5 * 86400, "5 days ago")]
    [InlineData(90 * 86400, "31 Aug 2026")]
    public void Format_ElapsedSeconds_ReadsNaturally(int secondsAgo, string expected) =>
        Assert.Equal(expected, TimeAgo.Format(Now.AddSeconds(-secondsAgo), Now));
}
