using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Alerts;

/// <summary>
/// alerts/ under the home: the local SNS topic, one JSON file per published message (messageId, topicArn,
/// subject, message), written whole. The alert rule's message for every execution that ends FAILED, TIMED_OUT
/// or ABORTED (ExecutionAlert: the runs', the redrives' and the store's clean-up of executions whose process is
/// gone) and any definition's sns:publish page through it.
/// </summary>
public static class AlertFolder
{
    /// <summary>The topic the local plane's alerts are published to (LocalSettings' ${AlertTopicArn}).</summary>
    public const string TopicArn = "arn:aws:sns:local:000000000000:purchase-pipeline-alerts";

    /// <summary>The folder.</summary>
    public static string Of(LocalHome home) => Path.Combine(home.Root, "alerts");

    /// <summary>Writes one message and returns its file.</summary>
    public static string Write(LocalHome home, DateTimeOffset now, string messageId, JsonNode? topicArn, JsonNode? subject, JsonNode? message)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var alert = new JsonObject { ["messageId"] = messageId, ["topicArn"] = topicArn, ["subject"] = subject, ["message"] = message };
        // The file is named locally: SNS's message id is the service's text, not a file name.
        var file = Path.Combine(Of(home), $"{stamp}-{Guid.NewGuid().ToString("N")[..8]}.json");
        AtomicFile.WriteAllText(file, alert.ToJsonString(new() { WriteIndented = true }));
        return file;
    }
}
