using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PipelineStudio.Cli.Run;
using PipelineStudio.Core.Abstractions;
using PipelineStudio.Core.Pipelines;
using PipelineStudio.Core.Runs;
using PipelineStudio.Engine.Hosting;
using PipelineStudio.Engine.Scheduling;
using PipelineStudio.Persistence;

namespace PipelineStudio.Cli.Commands;

/// <summary>
/// <c>run FILE|NAME [--param K=V]... [--wait] [--data-dir DIR]</c>: runs a pipeline with the local engine in this
/// process and prints a JSON summary when it ends. The engine lives in the process, so <c>run</c> always waits
/// (<c>--wait</c> says so explicitly; a detached mode would need the studio server and is not offered).
/// Ctrl+C stops the execution and still prints the summary.
/// </summary>
public static class RunCommand
{
    public const string HelpText =
        "Exit codes: 0 the execution Succeeded, 1 it Failed or Stopped (or was refused, or the definition has errors), "
        + "2 usage error (bad --param, no such file or pipeline, unusable --data-dir), 3 unexpected failure.";

    public static Command Create()
    {
        var target = new Argument<string>("FILE|NAME")
        {
            Description = "A definition file (saved as pipeline <file name without .json>, then run) or the name of a stored pipeline.",
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A parameter value NAME=VALUE; repeat for several. Missing parameters take their defaults.",
            AllowMultipleArgumentsPerToken = false,
        };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait for the execution to end (always the case; accepted for scripts)." };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "The studio data directory (studio.db, artifacts, logs); default Studio:DataDirectory or ./data.",
        };

        var command = new Command(
            "run",
            "Run a pipeline locally and print {executionId, pipeline, status, failureReason, steps:[...]} as JSON when it ends. "
            + "A definition file with a scripts folder of the same name next to it (samples/<name>.json + samples/<name>/) "
            + "has its scripts staged at s3://pipelinestudio-samples/<name>/code/ first. " + HelpText);
        command.Arguments.Add(target);
        command.Options.Add(parameters);
        command.Options.Add(wait);
        command.Options.Add(dataDirectory);
        command.SetAction(parseResult => RunAsync(
            parseResult.GetValue(target) ?? "",
            parseResult.GetValue(parameters) ?? [],
            parseResult.GetValue(dataDirectory),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error).GetAwaiter().GetResult());
        return command;
    }

    public static async Task<int> RunAsync(
        string targetText, IReadOnlyList<string> parameterPairs, string? dataDirectory, TextWriter output, TextWriter error)
    {
        var parameters = RunTarget.ParseParameters(parameterPairs, out var parameterError);
        var target = parameters is null ? null : RunTarget.Resolve(targetText, out parameterError);
        if (parameters is null || target is null)
        {
            error.WriteLine($"error: {parameterError}");
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
            return await RunWithAsync(provider, target, parameters, output, error);
        }
    }

    private static async Task<int> RunWithAsync(
        IServiceProvider services, RunTarget target, IReadOnlyDictionary<string, string> parameters, TextWriter output, TextWriter error)
    {
        if (target.DefinitionFile is { } file && !await SaveDefinitionAsync(services, target.PipelineName, file, error))
        {
            return ExitCodes.IssuesFound;
        }

        if (target.DefinitionFile is null && await services.GetRequiredService<IPipelineStore>().FindAsync(target.PipelineName) is null)
        {
            error.WriteLine($"error: there is no stored pipeline named '{target.PipelineName}'.");
            return ExitCodes.UsageError;
        }

        if (target.DefinitionFile is { } definition && SampleStager.FindScriptsFolder(definition) is { } scripts)
        {
            var count = await services.GetRequiredService<SampleStager>().StageAsync(target.PipelineName, scripts);
            error.WriteLine($"Staged {count} file(s) of {scripts} at {SampleStager.CodePrefix(target.PipelineName)}");
        }

        var backend = services.GetRequiredService<LocalExecutionBackend>();
        using var progress = RunProgress.Attach(services.GetRequiredService<IRunEventHub>(), error);
        ExecutionRecord started;
        try
        {
            started = await backend.StartAsync(new StartExecutionRequest(target.PipelineName, parameters));
        }
        catch (ExecutionRefusedException refused)
        {
            foreach (var problem in refused.Problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return ExitCodes.IssuesFound;
        }

        error.WriteLine($"Started execution {started.Id} of {started.PipelineName} v{started.PipelineVersion}.");
        ConsoleCancelEventHandler stop = (_, e) =>
        {
            e.Cancel = true;
            error.WriteLine($"Stopping execution {started.Id}...");
            _ = backend.StopAsync(started.Id);
        };
        Console.CancelKeyPress += stop;

        // While it waits, the run keeps its lease (so a studio on the same data directory leaves the execution alone)
        // and sees stop requests and callback answers that other processes store.
        using var keeping = new CancellationTokenSource();
        var keeper = Task.Run(() => services.GetRequiredService<ExecutionLeaseKeeper>().RunAsync(adoptOrphans: false, keeping.Token));
        try
        {
            await backend.WaitForCompletionAsync(started.Id);
        }
        finally
        {
            Console.CancelKeyPress -= stop;
            await keeping.CancelAsync();
            await keeper;
        }

        var store = services.GetRequiredService<IRunStore>();
        var finished = await store.GetExecutionAsync(started.Id) ?? started;
        var steps = await store.ListStepsAsync(started.Id);
        output.WriteLine(RunSummary.From(finished, steps).ToJson());
        return finished.Status == ExecutionStatus.Succeeded ? ExitCodes.Success : ExitCodes.IssuesFound;
    }

    private static async Task<bool> SaveDefinitionAsync(IServiceProvider services, string name, string file, TextWriter error)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read '{file}': {ex.Message}");
            return false;
        }

        var result = await services.GetRequiredService<PipelineLibrary>().SaveAsync(
            name, text, Environment.UserName, $"pipelinestudio run {Path.GetFileName(file)}", isImport: true);
        foreach (var issue in result.Issues.Where(i => i.IsError))
        {
            error.WriteLine($"{file}: {issue.Code} error at {issue.Path}: {issue.Message}");
        }

        return result.Saved;
    }
}
