using System.Text.Json;
using System.Text.Json.Nodes;

namespace PurchasePipeline.Glue.Tests;

/// <summary>What scripts/launch_job.py printed: the outcome and every recorded call of the launch.</summary>
internal static class LaunchOutcome
{
    public static JsonObject Of(PythonRun run)
    {
        try
        {
            return JsonNode.Parse(run.StandardOutput)!.AsObject();
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"launch_job.py printed no JSON ({error.Message}): {run}", error);
        }
    }

    public static List<JsonObject> Calls(PythonRun run) => [.. Of(run)["calls"]!.AsArray().Select(call => call!.AsObject())];
}
