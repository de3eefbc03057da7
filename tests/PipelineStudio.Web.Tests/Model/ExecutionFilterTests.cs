using PipelineStudio.Core.Runs;
using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public sealed class ExecutionFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void QueryString_RoundTrips()
    {
        var filter = new ExecutionFilter("churn", new HashSet<ExecutionStatus> { ExecutionStatus.Stopped, ExecutionStatus.Failed }, TimeWindow.Custom,
            new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3));

        var text = filter.ToQueryString();
        var parts = System.Web.HttpUtility.ParseQueryString(text);
        var back = ExecutionFilter.Parse(parts["pipeline"], parts["status"], parts["range"], parts["from"], parts["to"]);

        Assert.Equal("pipeline=churn&status=Stopped,Failed&range=custom&from=2026-11-01&to=2026-11-03", text);
        Assert.True(back.SameAs(filter));
    }

    [Fact]
    public void Parse_Nonsense_IsIgnoredRatherThanRefused()
    {
        var filter = ExecutionFilter.Parse(" ", "Failed,Bogus,42", "fortnight", "yesterday", null);

        Assert.True(filter.SameAs(new ExecutionFilter(Statuses: new HashSet<ExecutionStatus> { ExecutionStatus.Failed })));
    }

    [Fact]
    public void CustomDates_IncludeWholeDaysAtBothEnds()
    {
        var filter = new ExecutionFilter(Window: TimeWindow.Custom, From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 1));

        Assert.True(filter.Matches(Execution(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), Now));
        Assert.True(filter.Matches(Execution(new DateTimeOffset(2026, 11, 1, 23, 59, 59, TimeSpan.Zero)), Now));
        Assert.False(filter.Matches(Execution(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero)), Now));
        Assert.False(filter.Matches(Execution(new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero)), Now));
    }

    [Fact]
    public void LastHour_MatchesOnlyTheLastHour()
    {
        var filter = new ExecutionFilter(Window: TimeWindow.LastHour);

        Assert.True(filter.Matches(Execution(Now.AddMinutes(-59)), Now));
        Assert.False(filter.Matches(Execution(Now.AddMinutes(-61)), Now));
    }

    private static ExecutionRecord Execution(DateTimeOffset created) =>
        new("e", "p", 1, ExecutionStatus.Succeeded, new Dictionary<string, string>(), created);
}
