using System.CommandLine;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Output;
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
        var aws = new Option<bool>("--aws") { Description = "Re-run an execution of the deployed state machine (ID: its ARN or name)" };
        var stateMachineArn = new Option<string?>("--state-machine-arn") { Description = "With --aws: the state machine (stack output StateMachineArn)" };
        var command = new Command("rerun", "Start a new execution with the input of an earlier one") { id, reset, json, aws, stateMachineArn }.With(
            "purchase-pipeline rerun 20261125T120000Z-1a2b3c4d",
            "purchase-pipeline rerun 20261125T12 --reset-bookmark --json",
            "purchase-pipeline rerun 20261125T120000Z-1a2b3c4d --aws --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(aws))
            {
                return await AwsRerun.RunAsync(context, parse.GetValue(id)!, parse.GetValue(stateMachineArn), parse.GetValue(reset), cancellationToken).ConfigureAwait(false);
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            if (ExecutionsCommand.Find(context, new ExecutionStore(home), parse.GetValue(id)!) is not { } earlier)
            {
                return ExitCodes.BadInput;
            }

            var input = WithRerun(JsonNode.Parse(earlier.Input)!, parse.GetValue(reset));

            var host = new Diagnostics(context, parse, parse.GetValue(json)).Host(home);
            var outcome = await host.StartExecutionAsync(input, name: null, rerunOf: earlier.ExecutionId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The same input, plus {"rerun": {"resetBookmark": true}} when asked.</summary>
    public static JsonNode WithRerun(JsonNode input, bool resetBookmark)
    {
        if (resetBookmark && input is JsonObject inputObject)
        {
            inputObject["rerun"] = new JsonObject { ["resetBookmark"] = true };
        }

        return input;
    }
}
