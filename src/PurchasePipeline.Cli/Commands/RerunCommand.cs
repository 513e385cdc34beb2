using System.CommandLine;
using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;
using PurchasePipeline.Cli.Output;
using PurchasePipeline.Local.Executions;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>rerun ID [--reset-bookmark]</c>: a new execution with the same input as an earlier one, as the
/// console's "New execution" does; --reset-bookmark adds {"rerun": {"resetBookmark": true}}.
/// <c>rerun ID --redrive</c>: the same execution continues from the state that did not finish, as the
/// console's "Redrive" (RedriveExecution) does.
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
        var redrive = new Option<bool>("--redrive")
        {
            Description = "Continue the same failed, timed-out or aborted execution from the state that failed, keeping what succeeded "
                + "(Step Functions RedriveExecution), e.g. after fixing the cause",
        };
        var command = new Command("rerun", "Start a new execution with the input of an earlier one, or redrive it") { id, reset, json, aws, stateMachineArn, redrive }.With(
            "purchase-pipeline rerun 20261125T12 --reset-bookmark --json",
            "purchase-pipeline rerun 20261125T120000Z-1a2b3c4d --redrive",
            "purchase-pipeline rerun 20261125T120000Z-1a2b3c4d --aws --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:purchase-pipeline");
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(redrive) && parse.GetValue(reset))
            {
                await context.Error.WriteLineAsync("--redrive keeps the execution's input, so it cannot --reset-bookmark: start a new execution with rerun ID --reset-bookmark").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(aws))
            {
                return parse.GetValue(redrive)
                    ? await AwsRerun.RedriveAsync(context, parse.GetValue(id)!, parse.GetValue(stateMachineArn), cancellationToken).ConfigureAwait(false)
                    : await AwsRerun.RunAsync(context, parse.GetValue(id)!, parse.GetValue(stateMachineArn), parse.GetValue(reset), cancellationToken).ConfigureAwait(false);
            }

            var home = CliContext.ResolveHome(parse.GetValue(GlobalOptions.Home));
            if (ExecutionsCommand.Find(context, new ExecutionStore(home), parse.GetValue(id)!) is not { } earlier)
            {
                return ExitCodes.BadInput;
            }

            var host = new Diagnostics(context, parse, parse.GetValue(json)).Host(home);
            ExecutionOutcome outcome;
            try
            {
                outcome = parse.GetValue(redrive)
                    ? await host.RedriveExecutionAsync(earlier, cancellationToken).ConfigureAwait(false)
                    : await host.StartExecutionAsync(WithRerun(JsonNode.Parse(earlier.Input)!, parse.GetValue(reset)), name: null, rerunOf: earlier.ExecutionId, cancellationToken).ConfigureAwait(false);
            }
            catch (ExecutionNotRedrivableException e)
            {
                // As --aws reports Step Functions' refusal: the error name and its reason, exit 1.
                await context.Error.WriteLineAsync("ExecutionNotRedrivable: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

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
