using System.Text.Json.Nodes;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// The local stand-in for the on-call SNS topic: each published alert is written to alerts/ (one JSON
/// file per message) and shown on the console.
/// </summary>
internal sealed class AlertSink(LocalHome home, TimeProvider time, Action<string>? show)
{
    public string Folder => Path.Combine(home.Root, "alerts");

    /// <summary>Writes the sns:publish parameters (TopicArn, Subject, Message) and returns an SNS-like result.</summary>
    public JsonNode Publish(JsonNode? parameters)
    {
        var messageId = Guid.NewGuid().ToString();
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var alert = new JsonObject
        {
            ["messageId"] = messageId,
            ["topicArn"] = parameters?["TopicArn"]?.DeepClone(),
            ["subject"] = parameters?["Subject"]?.DeepClone(),
            ["message"] = parameters?["Message"]?.DeepClone(),
        };
        Local.Etl.AtomicFile.WriteAllText(Path.Combine(Folder, $"{stamp}-{messageId[..8]}.json"), alert.ToJsonString(new() { WriteIndented = true }));
        show?.Invoke($"ALERT {parameters?["Subject"]}: {parameters?["Message"]}");
        return new JsonObject { ["MessageId"] = messageId };
    }
}
