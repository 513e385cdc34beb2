using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Tests.Support;

/// <summary>Test data: execution identities, a start time, JSON.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Start = new(2019, 3, 26, 20, 14, 13, 192, TimeSpan.Zero);

    public static ExecutionInfo Info { get; } = new(
        "arn:aws:states:us-east-1:123456789012:execution:stateMachineName:executionName",
        "executionName",
        "arn:aws:states:us-east-1:123456789012:stateMachine:stateMachineName",
        "stateMachineName",
        "arn:aws:iam::123456789012:role/execution");

    public static JsonNode? Json(string json) => JsonNode.Parse(json);
}
