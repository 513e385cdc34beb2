namespace PurchasePipeline.Core.Errors;

/// <summary>An AWS service refused a call with an error the pipeline has no specific type for.</summary>
/// <remarks>The message names the service, operation, error code, HTTP status and request id, for a support case.</remarks>
public sealed class AwsServiceException : PipelineException
{
    public AwsServiceException(string service, string operation, string errorCode, string errorMessage, int statusCode, string requestId)
        : base($"{service} {operation} failed: {errorCode} (HTTP {statusCode}): {errorMessage} [request id {requestId}]")
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The service's error code (e.g. InvalidInputException), without any namespace prefix.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The x-amzn-RequestId of the response ("unknown" when the response had none).</summary>
    public string RequestId { get; }
}
