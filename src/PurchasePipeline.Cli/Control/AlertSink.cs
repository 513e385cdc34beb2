using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Local.Alerts;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// Where alerts go: the alert rule's message for an execution that did not succeed, and any definition's sns:publish. On the aws plane it publishes to the real topic first; on both
/// planes each published alert is also written to alerts/ (one JSON file per message, what the local
/// commands read) and shown on the console. A publish SNS refuses fails the task as it fails in AWS
/// (SNS.&lt;Error&gt;Exception), and nothing is written.
/// </summary>
internal sealed class AlertSink(LocalHome home, TimeProvider time, Action<string>? show, SnsClient? topic = null, string topicArn = AlertFolder.TopicArn)
{
    public string Folder => AlertFolder.Of(home);

    /// <summary>
    /// Pages with the alert rule's message for an execution that ended FAILED, TIMED_OUT or ABORTED, as
    /// EventBridge's SNS target does (no subject): to the real topic on the aws plane, and always to alerts/ and
    /// the console. A publish SNS refuses is shown and does not change the execution, which has already ended.
    /// </summary>
    public async Task PublishMessageAsync(string message, CancellationToken cancellationToken)
    {
        var messageId = Guid.NewGuid().ToString();
        if (topic is not null)
        {
            try
            {
                messageId = await topic.PublishAsync(topicArn, message, subject: null, cancellationToken).ConfigureAwait(false);
            }
            catch (PipelineException e)
            {
                show?.Invoke($"ALERT NOT SENT to {topicArn}: {SnsErrors.StatesErrorName(e)}: {e.Message}");
            }
        }

        AlertFolder.Write(home, time.GetUtcNow(), messageId, topicArn, null, message);
        show?.Invoke($"ALERT {message}");
    }

    /// <summary>Publishes the sns:publish parameters (TopicArn, Subject, Message) and returns an SNS-like result.</summary>
    /// <exception cref="TaskFailedException">SNS refused the message (aws plane): the error Step Functions would report.</exception>
    public async ValueTask<JsonNode> PublishAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        var messageId = topic is null ? Guid.NewGuid().ToString() : await PublishToTopicAsync(parameters, cancellationToken).ConfigureAwait(false);
        AlertFolder.Write(home, time.GetUtcNow(), messageId, parameters?["TopicArn"]?.DeepClone(), parameters?["Subject"]?.DeepClone(), parameters?["Message"]?.DeepClone());
        show?.Invoke($"ALERT {parameters?["Subject"]}: {parameters?["Message"]}");
        return new JsonObject { ["MessageId"] = messageId };
    }

    private async Task<string> PublishToTopicAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        var topicArn = Text(parameters, "TopicArn");
        var message = Text(parameters, "Message");
        if (topicArn is null || message is null)
        {
            throw new TaskFailedException(SnsErrors.TaskFailed, "sns:publish needs the Parameters TopicArn and Message, as strings");
        }

        try
        {
            return await topic!.PublishAsync(topicArn, message, Text(parameters, "Subject"), cancellationToken).ConfigureAwait(false);
        }
        catch (PipelineException e)
        {
            var error = SnsErrors.StatesErrorName(e);
            show?.Invoke($"ALERT NOT SENT to {topicArn}: {error}: {e.Message}");
            throw new TaskFailedException(error, e.Message);
        }
    }

    private static string? Text(JsonNode? parameters, string name) =>
        parameters?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
