using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartValidation state's Lambda: starts one query per data-quality rule for the job run (<see cref="StartValidationTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartValidationFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class StartValidationFunction(IQueryService queries, IValidationRules rules) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartValidationFunction()
        : this(AwsTaskPorts.Shared.Query, AwsTaskPorts.Shared.ValidationRules)
    {
    }

    private readonly StartValidationTask task = new(queries, rules);

    /// <summary>The Lambda entry point: <see cref="StartValidationRequest"/> JSON in, <see cref="ValidationResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.StartValidationRequest, TaskJson.Default.ValidationResult, task.RunAsync, cancellationToken);
}
