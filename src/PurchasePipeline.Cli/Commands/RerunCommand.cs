using System.CommandLine;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Local.Executions;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>rerun ID [--reset-bookmark]</c>: a new execution with the same input as an earlier one, as the
/// console's "New execution" does; --reset-bookmark adds {"rerun": {"resetBookmark": true}}.
/// </summary>
internal static class RerunCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "Execution name or ARN (a unique prefix is enough)" };
        var reset = new Option<bool>("--reset-bookmark") { Description = "Reprocess every raw object (rows already clean are not doubled)" };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON" };
        var command = new Command("rerun", "Start a new execution with the input of an earlier one") { id, reset, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var earlier = new ExecutionStore(home).Find(parse.GetValue(id)!);
            if (earlier is null)
            {
                await context.Error.WriteLineAsync($"{parse.GetValue(id)}: no such execution (see `executions list`)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var input = JsonNode.Parse(earlier.Input)!;
            if (parse.GetValue(reset) && input is JsonObject inputObject)
            {
                inputObject["rerun"] = new JsonObject { ["resetBookmark"] = true };
            }

            var host = new PipelineHost(home, context.Time, waitScale: 0, show: context.Console.Profile.Out.Writer.WriteLine);
            var outcome = await host.StartExecutionAsync(input, name: null, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                context.Console.Profile.Out.Writer.WriteLine(RunSummary.Json([outcome]));
            }
            else
            {
                RunSummary.WriteLine(context.Console, 1, 1, outcome);
            }

            return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
