using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.StepFunctions;

/// <summary>
/// The Step Functions operations the CLI's AWS commands need (target prefix AWSStepFunctions, JSON 1.0).
/// Unknown executions and state machines throw <see cref="Core.Errors.EntityNotFoundException"/>.
/// </summary>
public sealed class StepFunctionsClient
{
    private readonly AwsClient client;

    internal StepFunctionsClient(AwsClient client) => this.client = client;

    /// <summary>
    /// A client for AWS_REGION, AWS_ENDPOINT_URL_SFN / AWS_ENDPOINT_URL of <paramref name="environment"/>;
    /// <paramref name="credentials"/> null takes the default credential chain.
    /// </summary>
    /// <exception cref="Core.Errors.MissingSettingException">AWS_REGION is not set.</exception>
    public static StepFunctionsClient Create(Func<string, string?> environment, TimeProvider time, Amazon.Runtime.AWSCredentials? credentials) =>
        new(AwsClients.Create(AwsService.StepFunctions, AwsSettings.ReadRegion(environment), environment, time, credentials));

    /// <summary>Starts an execution; <paramref name="name"/> null lets Step Functions name it.</summary>
    public async Task<StartedExecution> StartExecutionAsync(string stateMachineArn, string? name, string input, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("StartExecution", new StartExecutionRequest(stateMachineArn, name, input),
            StepFunctionsJson.Default.StartExecutionRequest, StepFunctionsJson.Default.StartedExecution, claim: null, cancellationToken).ConfigureAwait(false);
        reply.Required(reply.Body.ExecutionArn, "executionArn");
        return reply.Body;
    }

    public async Task<ExecutionDescription> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("DescribeExecution", new DescribeExecutionRequest(executionArn),
            StepFunctionsJson.Default.DescribeExecutionRequest, StepFunctionsJson.Default.ExecutionDescription, claim: null, cancellationToken).ConfigureAwait(false);
        reply.Required(reply.Body.ExecutionArn, "executionArn");
        reply.Required(reply.Body.Status, "status");
        return reply.Body;
    }

    /// <summary>
    /// Redrives a failed, timed-out or aborted execution from the state that did not finish (RedriveExecution) and
    /// returns the redrive's date. One client token for the call, so a retried request redrives once (the model's
    /// clientToken is an idempotency token: "The API will return idempotent responses for the last 10 client tokens").
    /// </summary>
    /// <exception cref="Core.Errors.PipelineException">Step Functions refused it, e.g. ExecutionNotRedrivable with its reason.</exception>
    public async Task<RedrivenExecution> RedriveExecutionAsync(string executionArn, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("RedriveExecution", new RedriveExecutionRequest(executionArn, Guid.NewGuid().ToString()),
            StepFunctionsJson.Default.RedriveExecutionRequest, StepFunctionsJson.Default.RedrivenExecution, claim: null, cancellationToken).ConfigureAwait(false);
        return new RedrivenExecution(reply.Required(reply.Body.RedriveDate, "redriveDate"));
    }

    /// <summary>One page of executions, newest first; pass the page's NextToken for the next.</summary>
    public async Task<ExecutionsPage> ListExecutionsAsync(string stateMachineArn, string? statusFilter, string? nextToken, CancellationToken cancellationToken)
    {
        var reply = await client.CallAsync("ListExecutions", new ListExecutionsRequest(stateMachineArn, statusFilter, MaxResults: 100, nextToken),
            StepFunctionsJson.Default.ListExecutionsRequest, StepFunctionsJson.Default.ExecutionsPage, claim: null, cancellationToken).ConfigureAwait(false);
        reply.Required(reply.Body.Executions, "executions");
        return reply.Body;
    }
}
