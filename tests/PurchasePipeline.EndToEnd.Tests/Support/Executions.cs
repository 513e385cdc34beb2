using System.Text.Json.Nodes;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>The local executions as `executions list|show --json` print them.</summary>
internal static class Executions
{
    public static async Task<JsonArray> ListAsync(string home)
    {
        var result = await CliHarness.RunAsync("executions", "list", "--json", "--home", home);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!.AsArray();
    }

    public static async Task<JsonObject> ShowAsync(string home, string id)
    {
        var result = await CliHarness.RunAsync("executions", "show", id, "--json", "--home", home);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(result.Output)!.AsObject();
    }
}
