namespace PurchasePipeline.Functions;

/// <summary>
/// A task's Lambda handler, callable with a cancellation token: what the local plane invokes for a Task
/// state's resource. Lambda itself calls the handler's <c>HandleAsync(Stream)</c>.
/// </summary>
/// <remarks>
/// The token-taking method is not a <c>HandleAsync</c> overload on purpose: Lambda's .NET runtime rejects
/// a handler method name that has overloads (of any visibility), and accepts only an ILambdaContext as a
/// handler's second parameter.
/// </remarks>
public interface ITaskFunction
{
    /// <summary>Reads the task's parameters from <paramref name="input"/> and returns its result as JSON.</summary>
    /// <exception cref="Core.Errors.InvalidTaskInputException">The input is malformed or lacks a required field.</exception>
    /// <exception cref="Core.Errors.PipelineException">A port's typed error, for the state's Retry and Catch.</exception>
    Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken);
}
