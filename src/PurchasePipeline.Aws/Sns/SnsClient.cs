using Amazon.Runtime;
using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Sns;

/// <summary>
/// SNS Publish to a topic, the one SNS operation the pipeline calls (query protocol, API 2010-03-31): what
/// the definition's <c>arn:aws:states:::sns:publish</c> task does in AWS.
/// </summary>
/// <remarks>
/// Throttling (Throttled, Throttling, KMSThrottling) is retried here a few times with adaptive backoff, then
/// throws <see cref="Core.Errors.ThrottlingException"/>; NotFound throws <see cref="Core.Errors.EntityNotFoundException"/>;
/// AuthorizationError, InvalidSecurity and KMS access errors throw <see cref="Core.Errors.AccessDeniedException"/>;
/// any other error <see cref="Core.Errors.AwsServiceException"/>. Each carries the service's message and request id,
/// and its code in <c>Data["AwsErrorCode"]</c> (<see cref="SnsErrors.StatesErrorName(Exception)"/> names it as Step Functions does).
/// </remarks>
public sealed class SnsClient
{
    private readonly AwsClient client;

    internal SnsClient(AwsClient client) => this.client = client;

    /// <summary>
    /// A client for AWS_REGION, AWS_ENDPOINT_URL_SNS / AWS_ENDPOINT_URL of <paramref name="environment"/>;
    /// <paramref name="credentials"/> null takes the default credential chain.
    /// </summary>
    /// <exception cref="Core.Errors.MissingSettingException">AWS_REGION is not set.</exception>
    public static SnsClient Create(Func<string, string?> environment, TimeProvider time, AWSCredentials? credentials) =>
        new(AwsClients.Create(AwsService.Sns, AwsSettings.ReadRegion(environment), environment, time, credentials));

    /// <summary>
    /// Publishes <paramref name="message"/> to the topic <paramref name="topicArn"/> with an optional e-mail
    /// <paramref name="subject"/> (SNS refuses one that is not ASCII, has line breaks or is 100 characters or
    /// more); returns the MessageId SNS assigned.
    /// </summary>
    public async Task<string> PublishAsync(string topicArn, string message, string? subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentNullException.ThrowIfNull(message);
        var reply = await client.CallQueryAsync("Publish", SnsShapes.Publish(topicArn, message, subject), SnsShapes.ReadPublishResult,
            claim: null, cancellationToken).ConfigureAwait(false);
        return reply.Required(reply.Body.MessageId, "MessageId");
    }
}
