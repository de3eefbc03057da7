using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>REST for executions: start one of a pipeline, list, read with steps, stop, retry and read step logs.</summary>
public static class ExecutionsApi
{
    public const int DefaultListLimit = 100;
    public const int MaxListLimit = 1000;

    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/pipelines/{name}/executions", StartExecutionAsync)
            .WithTags("Executions")
            .WithName("StartExecution")
            .WithSummary("Starts an execution of the pipeline's latest version with the given parameter values.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var api = routes.MapGroup("/api/v1/executions").WithTags("Executions");
        api.MapGet("/", ListExecutionsAsync)
            .WithName("ListExecutions")
            .WithSummary("Executions, newest first, optionally of one pipeline and with given statuses (comma-separated).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetExecutionAsync)
            .WithName("GetExecution")
            .WithSummary("One execution with its parameters and steps.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/stop", StopExecutionAsync)
            .WithName("StopExecution")
            .WithSummary("Stops a running execution: running steps are killed and it ends Stopped.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/retry", RetryExecutionAsync)
            .WithName("RetryExecution")
            .WithSummary("Reruns a Failed or Stopped execution's failed and stopped steps, in place.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id}/steps/{step}/logs", GetStepLogAsync)
            .WithName("GetStepLog")
            .WithSummary("The log of one attempt of a step as plain text (the latest attempt unless ?attempt=N); empty when the attempt wrote nothing.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Results<Created<StartedExecutionResponse>, ProblemHttpResult>> StartExecutionAsync(
        string name, StartExecutionBody? body, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        if (!PipelineNames.IsValidPipelineName(name))
        {
            return ApiProblems.InvalidPipelineName(name);
        }

        if (await services.Pipelines.FindAsync(name, cancellationToken) is null)
        {
            return ApiProblems.PipelineNotFound(name);
        }

        try
        {
            var request = new StartExecutionRequest(
                name, body?.Parameters ?? [], DisplayName: body?.DisplayName, MaxParallelSteps: body?.MaxParallelSteps);
            var execution = await services.Backend.StartAsync(request, cancellationToken);
            return TypedResults.Created(
                $"/api/v1/executions/{Uri.EscapeDataString(execution.Id)}",
                new StartedExecutionResponse(execution.Id, execution.PipelineName, execution.PipelineVersion, execution.Status.ToString()));
        }
        catch (ExecutionRefusedException refused)
        {
            return ExecutionProblems.Refused("Execution refused", refused.Problems);
        }
    }

    public static async Task<Results<Ok<ExecutionSummaryResponse[]>, ProblemHttpResult>> ListExecutionsAsync(
        string? pipeline, string? status, int? limit, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        var statuses = new List<ExecutionStatus>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ExecutionStatus>(part, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ExecutionProblems.BadQuery(
                    $"'{part}' is not an execution status; use {string.Join(", ", Enum.GetNames<ExecutionStatus>())}.");
            }

            statuses.Add(parsed);
        }

        if (limit is < 1 or > MaxListLimit)
        {
            return ExecutionProblems.BadQuery($"limit must be between 1 and {MaxListLimit}.");
        }

        var query = new ExecutionQuery(
            string.IsNullOrWhiteSpace(pipeline) ? null : pipeline, statuses.Count > 0 ? statuses : null, Limit: limit ?? DefaultListLimit);
        var executions = await services.Runs.ListExecutionsAsync(query, cancellationToken);
        return TypedResults.Ok(executions.Select(ExecutionSummaryResponse.From).ToArray());
    }

    public static async Task<Results<Ok<ExecutionDetailResponse>, ProblemHttpResult>> GetExecutionAsync(
        string id, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        var execution = await services.Runs.GetExecutionAsync(id, cancellationToken);
        if (execution is null)
        {
            return ExecutionProblems.ExecutionNotFound(id);
        }

        var steps = await services.Runs.ListStepsAsync(id, cancellationToken);
        return TypedResults.Ok(ExecutionDetailResponse.From(execution, steps));
    }

    public static async Task<Results<Accepted<ExecutionSummaryResponse>, ProblemHttpResult>> StopExecutionAsync(
        string id, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        try
        {
            // Stopping a finished execution does nothing; the answer shows its state either way.
            await services.Backend.StopAsync(id, cancellationToken);
        }
        catch (ExecutionNotFoundException)
        {
            return ExecutionProblems.ExecutionNotFound(id);
        }

        var execution = await services.Runs.GetExecutionAsync(id, cancellationToken);
        return execution is null
            ? ExecutionProblems.ExecutionNotFound(id)
            : TypedResults.Accepted($"/api/v1/executions/{Uri.EscapeDataString(id)}", ExecutionSummaryResponse.From(execution));
    }

    public static async Task<Results<Accepted<ExecutionSummaryResponse>, ProblemHttpResult>> RetryExecutionAsync(
        string id, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await services.Backend.RetryAsync(id, cancellationToken);
            return TypedResults.Accepted($"/api/v1/executions/{Uri.EscapeDataString(id)}", ExecutionSummaryResponse.From(execution));
        }
        catch (ExecutionNotFoundException)
        {
            return ExecutionProblems.ExecutionNotFound(id);
        }
        catch (ExecutionRefusedException refused)
        {
            return ExecutionProblems.Refused("Retry refused", refused.Problems);
        }
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetStepLogAsync(
        string id, string step, int? attempt, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        if (await services.Runs.GetExecutionAsync(id, cancellationToken) is null)
        {
            return ExecutionProblems.ExecutionNotFound(id);
        }

        var steps = await services.Runs.ListStepsAsync(id, cancellationToken);
        var record = steps.FirstOrDefault(s => string.Equals(s.StepName, step, StringComparison.Ordinal));
        if (record is null)
        {
            return ExecutionProblems.NotFound("Step not found", $"Execution '{id}' has no step '{step}'.");
        }

        var number = attempt ?? Math.Max(record.AttemptCount, 1);

        // The engine may still be appending: this reads what is there now.
        var text = await services.Logs.ReadAllAsync(id, step, number, cancellationToken);
        if (text is null)
        {
            // The engine creates a log file with an attempt's first line: an attempt that ran and wrote nothing has none.
            return number >= 1 && number <= record.AttemptCount
                ? TypedResults.Text(string.Empty, "text/plain", Encoding.UTF8)
                : ExecutionProblems.NotFound("Log not found", $"Step '{step}' of execution '{id}' has no log for attempt {number}.");
        }

        return TypedResults.Text(text, "text/plain", Encoding.UTF8);
    }
}
