using PipelineStudio.Core.Sweeps;

namespace PipelineStudio.Web.Api.Contracts;

/// <summary>One varied parameter of <c>POST /api/v1/pipelines/{name}/sweeps</c>: values, or a numeric range.</summary>
public sealed record SweepAxisBody(string Parameter, List<string>? Values = null, SweepRangeBody? Range = null);

/// <summary>A range from start to stop (inclusive when a step lands on it); decimal, so 0.1 steps do not drift.</summary>
public sealed record SweepRangeBody(decimal Start, decimal Stop, decimal Step);

/// <summary>The body of <c>POST /api/v1/pipelines/{name}/sweeps</c>.</summary>
/// <param name="Mode">"Grid" (every combination, the default) or "Zip" (values paired by position).</param>
/// <param name="Fixed">Values of the parameters that do not vary; missing ones take their defaults.</param>
/// <param name="Concurrency">At most this many executions at once (default 2).</param>
/// <param name="FailFast">When one fails, stop the running ones and start no more.</param>
/// <param name="Version">The pipeline version to run; the latest when absent.</param>
public sealed record StartSweepBody(
    List<SweepAxisBody> Axes,
    string? Mode = null,
    Dictionary<string, string>? Fixed = null,
    int? Concurrency = null,
    bool FailFast = false,
    string? DisplayName = null,
    int? Version = null);

/// <summary>What <c>POST .../sweeps</c> started.</summary>
public sealed record StartedSweepResponse(string Id, string PipelineName, int PipelineVersion, int Executions);

/// <summary>A sweep as listed, with its members counted by state.</summary>
public sealed record SweepSummaryResponse(
    string Id, string PipelineName, int PipelineVersion, string Status, string Mode, int Concurrency, bool FailFast,
    string? DisplayName, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, int Total, int Finished,
    IReadOnlyDictionary<string, int> Members)
{
    public static SweepSummaryResponse From(SweepSummary summary)
    {
        var s = summary.Sweep;
        return new(s.Id, s.PipelineName, s.PipelineVersion, s.Status.ToString(), s.Mode.ToString(), s.Concurrency, s.FailFast,
            s.DisplayName, s.CreatedBy, s.CreatedAt, s.EndedAt, summary.Total, summary.Finished,
            summary.MemberCounts.ToDictionary(c => c.Key.ToString(), c => c.Value));
    }
}

/// <summary>One member of a sweep.</summary>
public sealed record SweepMemberResponse(int Index, IReadOnlyDictionary<string, string> Parameters, string State, string? ExecutionId, string? Note);

/// <summary>A sweep with every member (<c>GET /api/v1/sweeps/{id}</c>).</summary>
public sealed record SweepDetailResponse(SweepSummaryResponse Sweep, IReadOnlyList<SweepMemberResponse> Members);
