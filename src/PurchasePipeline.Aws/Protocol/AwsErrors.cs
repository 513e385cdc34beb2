using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>
/// Maps AWS error codes to the pipeline's typed errors, once for every service: their type names are what
/// the state machine's Retry and Catch match. An operation may first claim codes it knows more about
/// (Glue's ConcurrentRunsExceededException needs the job name).
/// </summary>
internal static class AwsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException", "TooManyRequests",
        "ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
        "RequestThrottled", "RequestThrottledException", "SlowDown", "BandwidthLimitExceeded",
        "PriorRequestNotComplete", "EC2ThrottledException",
        // SNS: ThrottledException's code (HTTP 429), and KMS throttling SNS's calls for an encrypted topic.
        "Throttled", "KMSThrottling",
    };

    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        "EntityNotFoundException", "ResourceNotFoundException", "ExecutionDoesNotExist", "StateMachineDoesNotExist",
        "CrawlerNotFoundException", "NoSuchEntity",
        // SNS: the topic does not exist.
        "NotFound",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException",
        "InvalidSignatureException", "ExpiredTokenException",
        // The query protocol's (SNS) common codes, and SNS's own: no permission on the topic or its KMS key,
        // an unsigned or non-HTTPS request.
        "InvalidClientTokenId", "SignatureDoesNotMatch", "MissingAuthenticationToken", "ExpiredToken",
        "AuthorizationError", "InvalidSecurity", "KMSAccessDenied", "KMSOptInRequired",
    };

    /// <summary>Whether the error says "slow down": the one kind of error the client itself retries.</summary>
    public static bool IsThrottling(AwsError error) => error.StatusCode == 429 || ThrottlingCodes.Contains(error.Code);

    public static Exception ToException(AwsService service, string operation, AwsError error, Func<AwsError, Exception?>? claim)
    {
        var described = $"{service.ServiceId} {operation}: {error.Code}: {error.Message} [request id {error.RequestId}]";
        var exception = claim?.Invoke(error) ?? error switch
        {
            _ when IsThrottling(error) => new ThrottlingException(described),
            _ when NotFoundCodes.Contains(error.Code) => new EntityNotFoundException(described),
            // Athena names an unknown query execution id this way (there is no ResourceNotFound for it).
            { Code: "InvalidRequestException" } when error.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)
                => new EntityNotFoundException(described),
            _ when AccessDeniedCodes.Contains(error.Code) => new AccessDeniedException(described),
            _ => (Exception)new AwsServiceException(service.ServiceId, operation, error.Code, error.Message, error.StatusCode, error.RequestId),
        };

        // Also kept as data, for callers that read it without parsing messages.
        exception.Data["AwsRequestId"] = error.RequestId;
        exception.Data["AwsErrorCode"] = error.Code;
        return exception;
    }
}
