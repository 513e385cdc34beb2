using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>Task: one call of a resource through the <see cref="ITaskInvoker"/>, within its timeout and heartbeat.</summary>
internal sealed record TaskState(string Resource, int? TimeoutSeconds, JsonPath? TimeoutSecondsPath, int? HeartbeatSeconds, JsonPath? HeartbeatSecondsPath)
    : ExecutingState
{
    public static TaskState Read(string name, JsonObject obj) => new(
        CommonFields.String(obj, "Resource")!,
        (int?)CommonFields.Integer(obj, "TimeoutSeconds"),
        CommonFields.Path(obj, "TimeoutSecondsPath"),
        (int?)CommonFields.Integer(obj, "HeartbeatSeconds"),
        CommonFields.Path(obj, "HeartbeatSecondsPath"))
    {
        Name = name,
    };
}
