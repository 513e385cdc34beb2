using System.Text.Json.Nodes;
using PurchasePipeline.Aws.Sns;
using PurchasePipeline.Core.Errors;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// Where the definition's sns:publish goes. On the aws plane it publishes to the real topic first; on both
/// planes each published alert is also written to alerts/ (one JSON file per message, what the local
/// commands read) and shown on the console. A publish SNS refuses fails the task as it fails in AWS
/// (SNS.&lt;Error&gt;Exception), and nothing is written.
/// </summary>
internal sealed class AlertSink(LocalHome home, TimeProvider time, Action<string>? show, SnsClient? topic = null)
{
    public string Folder => Path.Combine(home.Root, "alerts");

    /// <summary>Publishes the sns:publish parameters (TopicArn, Subject, Message) and returns an SNS-like result.</summary>
    /// <exception cref="TaskFailedException">SNS refused the message (aws plane): the error Step Functions would report.</exception>
    public async ValueTask<JsonNode> PublishAsync(JsonNode? parameters, CancellationToken cancellationToken)
    {
        var messageId = topic is null ? Guid.NewGuid().ToString() : await PublishToTopicAsync(parameters, cancellationToken).ConfigureAwait(false);
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var alert = new JsonObject
        {
            ["messageId"] = messageId,
            ["topicArn"] = parameters?["TopicArn"]?.DeepClone(),
            ["subject"] = parameters?["Subject"]?.DeepClone(),
            ["message"] = parameters?["Message"]?.DeepClone(),
        };
        // The file is named locally: SNS's message id is the service's text, not a file name.
        Local.Etl.AtomicFile.WriteAllText(Path.Combine(Folder, $"{stamp}-{Guid.NewGuid().ToString("N")[..8]}.json"), alert.ToJsonString(new() { WriteIndented = true }));
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
