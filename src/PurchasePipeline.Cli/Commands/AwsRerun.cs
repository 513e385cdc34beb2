using System.Text.Json.Nodes;
using PurchasePipeline.Aws.StepFunctions;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>rerun ID --aws --state-machine-arn ARN</c>: a new execution of the deployed state machine with the input of an earlier one.</summary>
internal static class AwsRerun
{
    public static async Task<int> RunAsync(CliContext context, string id, string? stateMachineArn, bool resetBookmark, CancellationToken cancellationToken)
    {
        if (stateMachineArn is null || !stateMachineArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            await context.Error.WriteLineAsync("--aws needs --state-machine-arn arn:aws:states:REGION:ACCOUNT:stateMachine:NAME").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var client = StepFunctionsClient.FromEnvironment(context.Time);
            var executionArn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : ExecutionArn(stateMachineArn, id);
            var earlier = await client.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            var input = RerunCommand.WithRerun(JsonNode.Parse(earlier.Input ?? "{}")!, resetBookmark);
            var started = await client.StartExecutionAsync(stateMachineArn, name: null, input.ToJsonString(), cancellationToken).ConfigureAwait(false);
            context.Console.Profile.Out.Writer.WriteLine($"started {started.ExecutionArn} with the input of {executionArn}");
            return ExitCodes.Ok;
        }
        catch (PipelineException e)
        {
            await context.Error.WriteLineAsync($"{e.ErrorName}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>arn:aws:states:R:A:stateMachine:SM + NAME → arn:aws:states:R:A:execution:SM:NAME.</summary>
    public static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;
}
