using System.Text.Json.Nodes;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// <c>rerun ID --aws --state-machine-arn ARN</c>: a new execution of the deployed state machine with the input of
/// an earlier one; with <c>--redrive</c>, RedriveExecution of that execution (Step Functions applies its rules).
/// </summary>
internal static class AwsRerun
{
    public static Task<int> RedriveAsync(CliContext context, string id, string? stateMachineArn, CancellationToken cancellationToken) =>
        StepFunctionsCommand.RunAsync(context, stateMachineArn, async (client, stateMachine) =>
        {
            var executionArn = StepFunctionsCommand.ExecutionArn(stateMachine, id);
            var redriven = await client.RedriveExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            var date = DateTimeOffset.FromUnixTimeMilliseconds((long)(redriven.RedriveDate!.Value * 1000));
            context.Console.Profile.Out.Writer.WriteLine(
                $"redriven {executionArn} at {date.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: it continues from the state that failed; follow it with executions show {id} --aws --state-machine-arn {stateMachine}");
            return ExitCodes.Ok;
        });

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
