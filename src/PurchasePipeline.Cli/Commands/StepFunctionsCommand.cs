using PurchasePipeline.Aws.StepFunctions;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Cli.Commands;

/// <summary>
/// What the commands on the deployed state machine share (<c>executions list --aws</c>, <c>rerun --aws</c>): the
/// --state-machine-arn check, a Step Functions client from the CLI's environment, and their errors as one line
/// and an exit code (2 for a missing setting, 1 for what AWS refused).
/// </summary>
internal static class StepFunctionsCommand
{
    public const string StateMachineArnFormat = "arn:aws:states:REGION:ACCOUNT:stateMachine:NAME";

    public static async Task<int> RunAsync(CliContext context, string? stateMachineArn, Func<StepFunctionsClient, string, Task<int>> command)
    {
        if (stateMachineArn is null || !stateMachineArn.StartsWith("arn:", StringComparison.Ordinal) || !stateMachineArn.Contains(":stateMachine:", StringComparison.Ordinal))
        {
            await context.Error.WriteLineAsync($"--aws needs --state-machine-arn {StateMachineArnFormat}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await command(StepFunctionsClient.Create(context.Environment, context.Time, context.Credentials), stateMachineArn).ConfigureAwait(false);
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

    /// <summary>An execution's ARN: <paramref name="id"/> itself when it is one, else the name's ARN under the state machine (arn:aws:states:R:A:stateMachine:SM + NAME → arn:aws:states:R:A:execution:SM:NAME).</summary>
    public static string ExecutionArn(string stateMachineArn, string id) =>
        id.StartsWith("arn:", StringComparison.Ordinal) ? id : stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + id;
}
