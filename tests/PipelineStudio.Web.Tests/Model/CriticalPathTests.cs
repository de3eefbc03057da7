using PipelineStudio.Web.Model;

namespace PipelineStudio.Web.Tests.Model;

public class CriticalPathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_Diamond_FollowsTheBranchThatEndedLast()
    {
        var graph = GraphBuilder.Build("A", "Slow: A", "Fast: A", "Join: Slow, Fast");
        var spans = Spans(("A", 0, 2), ("Slow", 2, 9), ("Fast", 2, 4), ("Join", 9, 10));

        Assert.Equal(["A", "Slow", "Join"], CriticalPath.Compute(graph, spans));
    }

    [Fact]
    public void Compute_ParallelLeaves_EndsAtTheStepThatEndedLast()
    {
        var graph = GraphBuilder.Build("A", "B: A", "C: A", "D: C");
        var spans = Spans(("A", 0, 1), ("B", 1, 3), ("C", 1, 2), ("D", 2, 6));

        Assert.Equal(["A", "C", "D"], CriticalPath.Compute(graph, spans));
    }

    [Fact]
    public void Compute_StepsThatNeverRan_AreLeftOut()
    {
        var graph = GraphBuilder.Build("A", "B: A", "C: B");
        var spans = Spans(("A", 0, 1), ("B", 1, 3));

        Assert.Equal(["A", "B"], CriticalPath.Compute(graph, spans));
    }

    [Fact]
    public void Compute_UpstreamEndedAfterTheStepStarted_IsNotWhatItWaitedFor()
    {
        // B's span overlaps C's start (B was reused from a retry, say): C cannot have waited for it.
        var graph = GraphBuilder.Build("A", "B", "C: A, B");
        var spans = Spans(("A", 0, 2), ("B", 0, 5), ("C", 3, 8));

        Assert.Equal(["A", "C"], CriticalPath.Compute(graph, spans));
    }

    [Fact]
    public void Compute_EqualEnds_PicksTheStepFirstInTheGraph()
    {
        var graph = GraphBuilder.Build("Left", "Right", "Join: Right, Left");
        var spans = Spans(("Left", 0, 2), ("Right", 0, 2), ("Join", 2, 3));

        Assert.Equal(["Left", "Join"], CriticalPath.Compute(graph, spans));
    }

    [Fact]
    public void Compute_NothingRan_IsEmpty()
    {
        Assert.Empty(CriticalPath.Compute(GraphBuilder.Build("A", "B: A"), Spans()));
    }

    private static Dictionary<string, StepSpan> Spans(params (string Step, int Start, int End)[] spans) =>
        spans.ToDictionary(s => s.Step, s => new StepSpan(T0.AddSeconds(s.Start), T0.AddSeconds(s.End)));
}
