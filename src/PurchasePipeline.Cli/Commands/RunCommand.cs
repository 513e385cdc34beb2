using System.CommandLine;
using PurchasePipeline.Cli.Control;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>run FILE... [--json]</c>: lands each file and runs the pipeline for it.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Purchase files (CSV or JSON lines) to land and process", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON" };
        var command = new Command("run", "Land files and run one execution of the state machine for each") { files, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            var missing = paths.FirstOrDefault(p => !File.Exists(p));
            if (missing is not null)
            {
                await context.Error.WriteLineAsync($"{missing}: no such file").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var host = new PipelineHost(home, context.Time, waitScale: 0, show: context.Console.Profile.Out.Writer.WriteLine);
            var runs = new List<ExecutionOutcome>();
            var asJson = parse.GetValue(json);
            foreach (var path in paths)
            {
                var key = Landing.Land(home, path, context.Time.GetUtcNow());
                var run = await host.RunForObjectAsync(key, cancellationToken).ConfigureAwait(false);
                runs.Add(run);
                if (!asJson)
                {
                    RunSummary.WriteLine(context.Console, runs.Count, paths.Length, run);
                }
            }

            if (asJson)
            {
                context.Console.Profile.Out.Writer.WriteLine(RunSummary.Json(runs));
            }

            return runs.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
