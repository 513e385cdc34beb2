using System.Xml.Linq;
using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Sns;

// The members of SNS's model (sns 2010-03-31) the pipeline sends and reads, with the model's exact names.
// The tests check the form against PublishInput and parse model-shaped PublishResult XML.

/// <summary>Publish's result (PublishResponse, wrapped in PublishResult).</summary>
internal sealed record PublishResult(string? MessageId, string? SequenceNumber);

internal static class SnsShapes
{
    /// <summary>PublishInput's members; Message is the model's one required member, TopicArn the one the pipeline targets.</summary>
    public static KeyValuePair<string, string?>[] Publish(string topicArn, string message, string? subject) =>
    [
        new("TopicArn", topicArn),
        new("Message", message),
        new("Subject", subject),
    ];

    public static PublishResult ReadPublishResult(XElement result) =>
        new(QueryXml.Text(result, "MessageId"), QueryXml.Text(result, "SequenceNumber"));
}
