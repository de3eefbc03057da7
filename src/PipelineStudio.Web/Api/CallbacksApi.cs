using Microsoft.AspNetCore.Http.HttpResults;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Web.Api.Contracts;

namespace PipelineStudio.Web.Api;

/// <summary>
/// REST <c>/api/v1/callbacks/{token}</c>: what SendPipelineExecutionStepSuccess / Failure do for a waiting
/// Callback step. The token is the one the step put in its metadata (and its SQS message body).
/// </summary>
public static class CallbacksApi
{
    public static IEndpointRouteBuilder MapCallbacksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/callbacks").WithTags("Callbacks");
        api.MapPost("/{token}/success", SucceedAsync)
            .WithName("SendCallbackSuccess")
            .WithSummary("Completes the waiting Callback step with output parameters.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{token}/failure", FailAsync)
            .WithName("SendCallbackFailure")
            .WithSummary("Fails the waiting Callback step with a reason.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public static Task<Results<Ok<ExecutionSummaryResponse>, ProblemHttpResult>> SucceedAsync(
        string token, CallbackSuccessBody? body, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken) =>
        CompleteAsync(token, succeeded: true, body?.OutputParameters, failureReason: null, services, cancellationToken);

    public static Task<Results<Ok<ExecutionSummaryResponse>, ProblemHttpResult>> FailAsync(
        string token, CallbackFailureBody? body, [AsParameters] ExecutionsApiServices services, CancellationToken cancellationToken) =>
        CompleteAsync(token, succeeded: false, outputParameters: null, body?.FailureReason ?? "The callback reported a failure.", services, cancellationToken);

    private static async Task<Results<Ok<ExecutionSummaryResponse>, ProblemHttpResult>> CompleteAsync(
        string token, bool succeeded, IReadOnlyDictionary<string, string>? outputParameters, string? failureReason,
        ExecutionsApiServices services, CancellationToken cancellationToken)
    {
        try
        {
            var execution = await services.Backend.CompleteCallbackAsync(token, succeeded, outputParameters, failureReason, cancellationToken);
            return TypedResults.Ok(ExecutionSummaryResponse.From(execution));
        }
        catch (ExecutionNotFoundException notFound)
        {
            return ExecutionProblems.NotFound("Callback not found", notFound.Message);
        }
        catch (ExecutionRefusedException refused)
        {
            return TypedResults.Problem(title: "Callback not waiting", detail: string.Join(" ", refused.Problems), statusCode: StatusCodes.Status409Conflict);
        }
    }
}
