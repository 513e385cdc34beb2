using System.Text.Json.Nodes;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Wait: delays for a number of seconds or until a time, given by exactly one of its four fields.</summary>
internal sealed record WaitState(long? Seconds, DateTimeOffset? Timestamp, JsonPath? SecondsPath, JsonPath? TimestampPath) : StateDefinition
{
    public static WaitState Read(string name, JsonObject obj) => new(
        CommonFields.Integer(obj, "Seconds"),
        CommonFields.String(obj, "Timestamp") is { } text && Timestamps.TryParse(text, out var timestamp) ? timestamp : null,
        CommonFields.Path(obj, "SecondsPath"),
        CommonFields.Path(obj, "TimestampPath"))
    {
        Name = name,
    };
}
