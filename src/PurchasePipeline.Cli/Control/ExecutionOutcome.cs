using System.Text.Json;
using System.Text.Json.Nodes;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.States;

namespace PurchasePipeline.Cli.Control;

/// <summary>
/// A finished local execution (or redrive): its record, the engine's result, the alert the alert rule sent for
/// it (null when none: it succeeded) and the state it failed at, from its history.
/// </summary>
internal sealed record ExecutionOutcome(ExecutionRecord Record, ExecutionResult Result, JsonNode? Alert, string? FailedState)
{
    public bool Succeeded => Result.Status == ExecutionStatus.Succeeded;

    /// <summary>The object key the execution ran for.</summary>
    public string Key => (string?)JsonNode.Parse(Record.Input)?["detail"]?["object"]?["key"] ?? "(no object)";

    /// <summary>The summary of the job run's manifest, from the execution's output.</summary>
    public RunManifestSummary? Manifest => Result.Output?["job"]?["manifest"]?.Deserialize(Core.Tasks.TaskJson.Default.RunManifestSummary);

    /// <summary>The cause in one line: a Lambda-shaped JSON cause is reduced to its errorMessage.</summary>
    public string? CauseLine
    {
        get
        {
            var cause = Result.Cause;
            if (cause is not null && cause.StartsWith('{'))
            {
                try
                {
                    return (string?)JsonNode.Parse(cause)?["errorMessage"] ?? cause;
                }
                catch (System.Text.Json.JsonException)
                {
                    return cause;
                }
            }

            return cause?.ReplaceLineEndings(" ");
        }
    }
}
