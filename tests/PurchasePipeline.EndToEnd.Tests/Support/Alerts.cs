using System.Text.Json.Nodes;
using PurchasePipeline.Cli.Control;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>The on-call message the definition's BuildAlert state builds and NotifyFailure publishes.</summary>
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

    /// <summary>Asserts the message names the failed state, error, cause, execution, its console link and the object.</summary>
    public static void AssertNames(JsonObject message, string state, string error, string cause, string executionArn, string key)
    {
        Assert.Equal(state, (string?)message["state"]);
        Assert.Equal(error, (string?)message["error"]);
        Assert.Equal(cause, (string?)message["cause"]);
        Assert.Equal(executionArn, (string?)message["execution"]);
        Assert.Equal(
            $"https://{LocalSettings.Region}.console.aws.amazon.com/states/home?region={LocalSettings.Region}#/v2/executions/details/{executionArn}",
            (string?)message["console"]);
        Assert.Equal(key, (string?)message["key"]);
    }
}
