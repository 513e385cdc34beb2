using System.Text.Json.Nodes;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>rerun ID --aws --state-machine-arn ARN</c>: a new execution of the deployed state machine with the input of an earlier one.</summary>
internal static class AwsRerun
{
    public static Task<int> RunAsync(CliContext context, string id, string? stateMachineArn, bool resetBookmark, CancellationToken cancellationToken) =>
        StepFunctionsCommand.RunAsync(context, stateMachineArn, async (client, stateMachine) =>
        {
            var executionArn = StepFunctionsCommand.ExecutionArn(stateMachine, id);
            var earlier = await client.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            var input = RerunCommand.WithRerun(JsonNode.Parse(earlier.Input ?? "{}")!, resetBookmark);
            var started = await client.StartExecutionAsync(stateMachine, name: null, input.ToJsonString(), cancellationToken).ConfigureAwait(false);
            context.Console.Profile.Out.Writer.WriteLine($"started {started.ExecutionArn} with the input of {executionArn}");
            return ExitCodes.Ok;
        });
}
