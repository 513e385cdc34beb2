using System.Globalization;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Core.Trigger;

/// <summary>
/// The event S3 sends to EventBridge when an object is created (detail-type "Object Created"), in the
/// shape the state machine receives as its input.
/// </summary>
public static class ObjectCreatedEvent
{
    /// <summary>Builds the event for one object.</summary>
    public static JsonObject Create(string bucket, string key, long size, string etag, DateTimeOffset time, string region = "local", string account = "000000000000")
    {
        var timestamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "Object Created",
            ["source"] = "aws.s3",
            ["account"] = account,
            ["time"] = timestamp,
            ["region"] = region,
            ["resources"] = new JsonArray("arn:aws:s3:::" + bucket),
            ["detail"] = new JsonObject
            {
                ["version"] = "0",
                ["bucket"] = new JsonObject { ["name"] = bucket },
                ["object"] = new JsonObject
                {
                    ["key"] = key,
                    ["size"] = size,
                    ["etag"] = etag,
                    ["sequencer"] = time.UtcTicks.ToString("X16", CultureInfo.InvariantCulture),
                },
                ["request-id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
                ["requester"] = account,
                ["reason"] = "PutObject",
            },
        };
    }
}
