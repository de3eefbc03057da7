using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Sweeps;
using PipelineStudio.Core.Validation;
using PipelineStudio.Web.Api.Contracts;
using PipelineStudio.Web.Services;

namespace PipelineStudio.Web.Api;

/// <summary>REST for sweeps: plan and start one over a pipeline's parameters, list, read with members, stop.</summary>
public static class SweepsApi
{
    public const int DefaultConcurrency = 2;

    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/pipelines/{name}/sweeps", StartSweepAsync)
            .WithTags("Sweeps")
            .WithName("StartSweep")
            .WithSummary("Plans executions over a grid or zip of parameter values and runs them with a concurrency cap.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var api = routes.MapGroup("/api/v1/sweeps").WithTags("Sweeps");
        api.MapGet("/", ListSweepsAsync).WithName("ListSweeps").WithSummary("Sweeps, newest first, optionally of one pipeline.");
        api.MapGet("/{id}", GetSweepAsync).WithName("GetSweep").WithSummary("One sweep with every member.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/stop", StopSweepAsync).WithName("StopSweep")
            .WithSummary("Stops a sweep: running executions are stopped, waiting ones never start.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Created<StartedSweepResponse>, ProblemHttpResult>> StartSweepAsync(
        string name, StartSweepBody? body, IPipelineStore pipelines, SweepRunner runner, StudioUser user, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        if (body is null || body.Axes is null)
        {
            return ExecutionProblems.BadQuery("The body needs 'axes': the parameters to vary, each with 'values' or a 'range'.");
        }

        if (!TryParseMode(body.Mode, out var mode))
        {
            return ExecutionProblems.BadQuery($"'{body.Mode}' is not a sweep mode; use Grid or Zip.");
        }

        var version = body.Version is { } v ? await pipelines.GetVersionAsync(name, v, cancellationToken) : await pipelines.GetLatestAsync(name, cancellationToken);
        if (version is null)
        {
            return body.Version is { } missing && await pipelines.FindAsync(name, cancellationToken) is not null
                ? ApiProblems.VersionNotFound(name, missing)
                : ApiProblems.PipelineNotFound(name);
        }

        var definition = DefinitionValidator.Validate(version.DefinitionJson).Definition;
        var axes = body.Axes.Select(a => new SweepAxis(a.Parameter, a.Values, a.Range is { } r ? new SweepRange(r.Start, r.Stop, r.Step) : null)).ToList();
        var spec = new SweepSpec(mode, axes, body.Fixed ?? []);
        var plan = SweepPlanner.Plan(spec, definition);
        var problems = plan.Problems
            .Concat(plan.Members.Where(m => !m.IsValid).Select(m => $"Execution #{m.Index + 1}: {string.Join(" ", m.Problems)}"))
            .ToList();
        if (problems.Count > 0)
        {
            return ExecutionProblems.Refused("Sweep refused", problems);
        }

        try
        {
            var launch = new SweepLaunch(
                name, version.Info.Version, spec, plan.Members.Select(m => m.Parameters).ToList(),
                body.Concurrency ?? DefaultConcurrency, body.FailFast, user.Name, body.DisplayName);
            var sweep = await runner.StartAsync(launch, cancellationToken);
            return TypedResults.Created(
                $"/api/v1/sweeps/{Uri.EscapeDataString(sweep.Id)}",
                new StartedSweepResponse(sweep.Id, sweep.PipelineName, sweep.PipelineVersion, plan.Members.Count));
        }
        catch (SweepRefusedException refused)
        {
            return ExecutionProblems.Refused("Sweep refused", [refused.Message]);
        }
    }

    public static async Task<Ok<SweepSummaryResponse[]>> ListSweepsAsync(string? pipeline, ISweepStore sweeps, CancellationToken cancellationToken)
    {
        var list = await sweeps.ListAsync(string.IsNullOrWhiteSpace(pipeline) ? null : pipeline, limit: 100, cancellationToken: cancellationToken);
        return TypedResults.Ok(list.Select(SweepSummaryResponse.From).ToArray());
    }

    public static async Task<Results<Ok<SweepDetailResponse>, ProblemHttpResult>> GetSweepAsync(
        string id, ISweepStore sweeps, CancellationToken cancellationToken)
    {
        if (await sweeps.GetAsync(id, cancellationToken) is not { } sweep)
        {
            return SweepNotFound(id);
        }

        var members = await sweeps.ListMembersAsync(id, cancellationToken);
        var summary = new SweepSummary(sweep, members.GroupBy(m => m.State).ToDictionary(g => g.Key, g => g.Count()));
        return TypedResults.Ok(new SweepDetailResponse(
            SweepSummaryResponse.From(summary),
            members.Select(m => new SweepMemberResponse(m.Index, m.Parameters, m.State.ToString(), m.ExecutionId, m.Note)).ToList()));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> StopSweepAsync(string id, SweepRunner runner, CancellationToken cancellationToken) =>
        await runner.StopAsync(id, cancellationToken)
            ? TypedResults.Accepted($"/api/v1/sweeps/{Uri.EscapeDataString(id)}")
            : SweepNotFound(id);

    private static ProblemHttpResult SweepNotFound(string id) => ExecutionProblems.NotFound("Sweep not found", $"There is no sweep '{id}'.");

    private static bool TryParseMode(string? text, out SweepMode mode)
    {
        mode = SweepMode.Grid;
        return string.IsNullOrWhiteSpace(text) || (Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode));
    }
}
