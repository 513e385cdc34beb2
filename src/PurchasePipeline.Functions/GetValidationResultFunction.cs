using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetValidationResult state's Lambda: reads the rules' results: state, whether all passed, the broken rules (<see cref="GetValidationResultTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetValidationResultFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class GetValidationResultFunction(IQueryService queries) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetValidationResultFunction()
        : this(AwsTaskPorts.Shared.Query)
    {
    }

    private readonly GetValidationResultTask task = new(queries);

    /// <summary>The Lambda entry point: <see cref="GetValidationResultRequest"/> JSON in, <see cref="ValidationResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.GetValidationResultRequest, TaskJson.Default.ValidationResult, task.RunAsync, cancellationToken);
}
