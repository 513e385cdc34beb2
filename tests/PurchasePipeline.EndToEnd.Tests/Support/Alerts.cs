using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>The on-call message the alert rule (statemachine/alert-rule.json) makes of an execution's FAILED, TIMED_OUT or ABORTED status change.</summary>
internal static class Alerts
{
    /// <summary>The alerts the local sink wrote under a home's alerts/ folder, oldest first: each as published (subject, message).</summary>
    public static IReadOnlyList<JsonObject> Written(string homeRoot)
    {
        var folder = Path.Combine(homeRoot, "alerts");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())]
            : [];
    }

    /// <summary>The message of a published alert, parsed.</summary>
    public static JsonObject MessageOf(JsonObject published) => JsonNode.Parse((string)(published["message"] ?? published["Message"])!)!.AsObject();

    /// <summary>The object key of the event the alerted execution ran for (its input, in the message).</summary>
    public static string? KeyOf(JsonObject message) => (string?)JsonNode.Parse((string)message["input"]!)!["detail"]?["object"]?["key"];

    /// <summary>Asserts the message names the execution, its status, error, cause, console link, the object (in its input) and how to redrive it.</summary>
    public static void AssertNames(JsonObject message, string status, string error, string? cause, string executionArn, string key)
    {
        Assert.Equal(executionArn, (string?)message["execution"]);
        Assert.Equal(status, (string?)message["status"]);
        Assert.Equal(error, (string?)message["error"]);
        Assert.Equal(cause, (string?)message["cause"]);
        Assert.Equal(
            $"https://{LocalSettings.Region}.console.aws.amazon.com/states/home?region={LocalSettings.Region}#/v2/executions/details/{executionArn}",
            (string?)message["console"]);
        Assert.Equal(key, (string?)JsonNode.Parse((string)message["input"]!)!["detail"]!["object"]!["key"]);
        var name = executionArn[(executionArn.LastIndexOf(':') + 1)..];
        Assert.Equal($"purchase-pipeline rerun {name} --redrive --aws --state-machine-arn {LocalSettings.StateMachineArn}", (string?)message["redrive"]);
    }
}
