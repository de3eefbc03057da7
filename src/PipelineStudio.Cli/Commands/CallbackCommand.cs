using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Cli.Run;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Persistence;

namespace PipelineStudio.Cli.Commands;

/// <summary>
/// <c>pipelinestudio callback TOKEN</c>: SendPipelineExecutionStepSuccess / Failure from a terminal. The answer is stored
/// in the studio database; whichever process runs the waiting step (a <c>run</c> in another terminal, the web app)
/// takes it up within a second.
/// </summary>
public static class CallbackCommand
{
    public const string HelpText =
        "Exit codes: 0 the answer was stored, 1 no step waits on that token (unknown, already answered, or no longer waiting), "
        + "2 usage error, 3 unexpected failure.";

    public static Command Create()
    {
        var token = new Argument<string>("TOKEN") { Description = "The token the Callback step issued (in its metadata, its log and its SQS message)." };
        var outputs = new Option<string[]>("--output", "-o")
        {
            Description = "An output parameter NAME=VALUE of a success; repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var failure = new Option<string?>("--failure") { Description = "Fail the step with this reason instead of succeeding." };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "The studio data directory; default Studio:DataDirectory or ./data.",
        };

        var command = new Command("callback", "Answer a waiting Callback step: success with output parameters, or failure with a reason. " + HelpText);
        command.Arguments.Add(token);
        command.Options.Add(outputs);
        command.Options.Add(failure);
        command.Options.Add(dataDirectory);
        command.SetAction(parseResult => AnswerAsync(
            parseResult.GetValue(token) ?? "",
            parseResult.GetValue(outputs) ?? [],
            parseResult.GetValue(failure),
            parseResult.GetValue(dataDirectory),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error).GetAwaiter().GetResult());
        return command;
    }

    public static async Task<int> AnswerAsync(
        string token, IReadOnlyList<string> outputPairs, string? failureReason, string? dataDirectory, TextWriter output, TextWriter error)
    {
        var outputs = RunTarget.ParseParameters(outputPairs, out var problem, "--output");
        if (outputs is null || string.IsNullOrWhiteSpace(token) || (failureReason is not null && outputs.Count > 0))
        {
            error.WriteLine($"error: {problem ?? (string.IsNullOrWhiteSpace(token) ? "the TOKEN is empty." : "--failure takes no --output values.")}");
            return ExitCodes.UsageError;
        }

        ServiceProvider provider;
        try
        {
            provider = await RunServices.CreateAsync(RunServices.BuildConfiguration(dataDirectory), CancellationToken.None);
        }
        catch (StudioDatabaseException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.UsageError;
        }

        await using (provider)
        {
            try
            {
                var execution = await provider.GetRequiredService<LocalExecutionBackend>().CompleteCallbackAsync(
                    token.Trim(), succeeded: failureReason is null, outputs, failureReason);
                output.WriteLine(JsonSerializer.Serialize(new { executionId = execution.Id, pipeline = execution.PipelineName, answered = failureReason is null ? "success" : "failure" }));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is ExecutionNotFoundException or ExecutionRefusedException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.IssuesFound;
            }
        }
    }
}
