using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineStudio.Core.Definitions;
using PipelineStudio.Engine.Scheduling;

namespace PipelineStudio.Engine.Steps.Control;

/// <summary>
/// Lambda: the FunctionArn maps to a local stand-in in <c>Engine:Lambda:&lt;function name&gt;</c> (or the whole ARN):
/// a shell command that reads the inputs as a JSON object on stdin and prints a JSON object, or an HTTP endpoint
/// that receives them as a POST body. The answer's members become OutputParameters.
/// </summary>
public sealed class LambdaExecutor(EngineOptions options) : IStepExecutor
{
    private static readonly HttpClient Http = new();

    public bool CanExecute(string stepType) => stepType == StepTypes.Lambda;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var arn = context.StepJson["FunctionArn"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(arn))
        {
            return StepResult.Failure($"Step '{context.StepName}' has no FunctionArn.");
        }

        var target = Find(arn);
        if (target is null)
        {
            return StepResult.Failure(
                $"Step '{context.StepName}': no local stand-in for Lambda function '{arn}'; configure Engine:Lambda:{FunctionName(arn)}:Command or :Url.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.LambdaTimeoutSeconds)));
        var input = context.Arguments.ToJsonString();
        string output;
        try
        {
            output = target.Command is { Length: > 0 } command
                ? await RunCommandAsync(command, input, context.Log, timeout.Token).ConfigureAwait(false)
                : await PostAsync(target.Url!, input, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StepResult.Failure($"Step '{context.StepName}': Lambda '{arn}' timed out after {options.LambdaTimeoutSeconds} s.");
        }
        catch (LambdaFailedException ex)
        {
            return StepResult.Failure($"Step '{context.StepName}': {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return StepResult.Failure($"Step '{context.StepName}': Lambda '{arn}' request failed: {ex.Message}", FailureKinds.ServiceFault);
        }

        JsonObject? answer;
        try
        {
            answer = string.IsNullOrWhiteSpace(output) ? [] : JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer is null)
        {
            return StepResult.Failure($"Step '{context.StepName}': Lambda '{arn}' did not answer with a JSON object: {Truncate(output)}");
        }

        var (properties, problem) = OutputParameterValues.Build(context.Step, answer.ToDictionary(p => p.Key, p => p.Value));
        if (problem is not null)
        {
            return StepResult.Failure(problem);
        }

        var metadata = new JsonObject
        {
            ["Lambda"] = new JsonObject { ["Arn"] = arn, ["OutputParameters"] = OutputParameterValues.AsMetadataList(properties!) },
        };
        return StepResult.Success(properties, metadata);
    }

    private LambdaTarget? Find(string arn) =>
        options.Lambda.GetValueOrDefault(arn) ?? options.Lambda.GetValueOrDefault(FunctionName(arn));

    /// <summary><c>arn:aws:lambda:region:account:function:NAME[:alias]</c> gives NAME; anything else is taken as the name.</summary>
    public static string FunctionName(string arn)
    {
        var parts = arn.Split(':');
        var index = Array.IndexOf(parts, "function");
        return index >= 0 && index + 1 < parts.Length ? parts[index + 1] : arn;
    }

    private static async Task<string> RunCommandAsync(string command, string input, IStepLog log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new LambdaFailedException($"Could not start '{command}'.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Write(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var reading = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            var output = await reading.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0 ? output
                : throw new LambdaFailedException($"Lambda command '{command}' exited with code {process.ExitCode}.");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static async Task<string> PostAsync(string url, string input, CancellationToken cancellationToken)
    {
        using var content = new StringContent(input, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? body
            : throw new LambdaFailedException($"Lambda endpoint {url} answered {(int)response.StatusCode}: {Truncate(body)}");
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;

    private sealed class LambdaFailedException(string message) : Exception(message);
}
