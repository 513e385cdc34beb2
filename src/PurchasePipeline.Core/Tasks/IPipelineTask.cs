namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// The work behind one Task state of the state machine. The Lambda handler and the local plane both call
/// it, so a task's behaviour is the same in AWS and on a laptop.
/// </summary>
/// <typeparam name="TRequest">The state's Parameters.</typeparam>
/// <typeparam name="TResult">The result the state stores at its ResultPath.</typeparam>
/// <remarks>
/// Tasks throw <see cref="Errors.InvalidTaskInputException"/> for a missing field and let the ports' typed
/// <see cref="Errors.PipelineException"/>s propagate, so the state's Retry and Catch see them. Tasks never
/// retry or wait themselves: the state machine does.
/// </remarks>
public interface IPipelineTask<in TRequest, TResult>
{
    Task<TResult> RunAsync(TRequest request, CancellationToken cancellationToken);
}
