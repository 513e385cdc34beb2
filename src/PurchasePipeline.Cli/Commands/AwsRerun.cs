using System.Text.Json.Nodes;
using PurchasePipeline.Aws.StepFunctions;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Cli.Commands;

/// <summary><c>rerun ID --aws --state-machine-arn ARN</c>: a new execution of the deployed state machine with the input of an earlier one.</summary>
internal static class AwsRerun
{
    public static async Task<int> RunAsync(CliContext context, string id, string? stateMachineArn, bool resetBookmark, CancellationToken cancellationToken)
    {
        if (!IsStateMachineArn(stateMachineArn))
        {
            await context.Error.WriteLineAsync($"--aws needs --state-machine-arn {StateMachineArnFormat}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var client = StepFunctionsClient.Create(context.Environment, context.Time, context.Credentials);
            var executionArn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : ExecutionArn(stateMachineArn, id);
            var earlier = await client.DescribeExecutionAsync(executionArn, cancellationToken).ConfigureAwait(false);
            var input = RerunCommand.WithRerun(JsonNode.Parse(earlier.Input ?? "{}")!, resetBookmark);
            var started = await client.StartExecutionAsync(stateMachineArn, name: null, input.ToJsonString(), cancellationToken).ConfigureAwait(false);
            context.Console.Profile.Out.Writer.WriteLine($"started {started.ExecutionArn} with the input of {executionArn}");
            return ExitCodes.Ok;
        }
        catch (MissingSettingException e)
        {
            await context.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (PipelineException e)
        {
            await context.Error.WriteLineAsync($"{e.ErrorName}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    public const string StateMachineArnFormat = "arn:aws:states:REGION:ACCOUNT:stateMachine:NAME";

    public static bool IsStateMachineArn([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? arn) =>
        arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":stateMachine:", StringComparison.Ordinal);

    /// <summary>arn:aws:states:R:A:stateMachine:SM + NAME → arn:aws:states:R:A:execution:SM:NAME.</summary>
    public static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;
}
