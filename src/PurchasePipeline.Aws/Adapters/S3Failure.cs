using System.Net;
using Amazon.S3;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Adapters;

/// <summary>
/// An S3 error as one of the pipeline's typed errors (the names the state machine's Retry and Catch match),
/// with a one-line message naming the operation, the object, S3's code and the request id: S3's own message
/// ("Access Denied") says neither which object nor which call.
/// </summary>
internal static class S3Failure
{
    public static Exception Of(string operation, string bucket, string key, AmazonS3Exception error)
    {
        var status = (int)error.StatusCode;
        var code = string.IsNullOrWhiteSpace(error.ErrorCode) ? $"HttpStatus{status}" : error.ErrorCode;
        var message = string.IsNullOrWhiteSpace(error.Message) ? "(no message)" : error.Message.Split('\n')[0].Trim();
        var requestId = string.IsNullOrWhiteSpace(error.RequestId) ? "unknown" : error.RequestId;
        var described = $"S3 {operation} s3://{bucket}/{key}: {code}: {message} [request id {requestId}]";
        Exception exception = code switch
        {
            "AccessDenied" => new AccessDeniedException(
                described + " (S3 also answers AccessDenied for a missing key when the caller may not s3:ListBucket the bucket)"),
            // S3 throttles with SlowDown (503); the codes are the ones every service's errors are read with.
            _ when AwsErrors.IsThrottling(new AwsError(code, message, status, requestId)) || error.StatusCode == HttpStatusCode.ServiceUnavailable => new ThrottlingException(described),
            _ => new AwsServiceException("S3", operation, code, $"{message} (s3://{bucket}/{key})", status, requestId),
        };

        // Also kept as data, as for the other services' errors.
        exception.Data["AwsRequestId"] = requestId;
        exception.Data["AwsErrorCode"] = code;
        return exception;
    }
}
