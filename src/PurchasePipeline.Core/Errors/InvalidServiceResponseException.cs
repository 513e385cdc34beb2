namespace PurchasePipeline.Core.Errors;

/// <summary>
/// A service answered with something that is not the response its model defines: not JSON, or a required
/// member missing. The message names the operation, what is wrong and the request id.
/// </summary>
public sealed class InvalidServiceResponseException : PipelineException
{
    public InvalidServiceResponseException(string service, string operation, string problem, string requestId)
        : base($"{service} {operation} returned an invalid response: {problem} [request id {requestId}]")
    {
        RequestId = requestId;
    }

    public InvalidServiceResponseException(string service, string operation, string problem, string requestId, Exception innerException)
        : base($"{service} {operation} returned an invalid response: {problem} [request id {requestId}]", innerException)
    {
        RequestId = requestId;
    }

    /// <summary>The x-amzn-RequestId of the response ("unknown" when the response had none).</summary>
    public string RequestId { get; }
}
