using System.Text.Json.Nodes;

namespace PurchasePipeline.States;

/// <summary>The end of an execution.</summary>
/// <param name="Status">Succeeded, Failed, TimedOut or Aborted.</param>
/// <param name="Output">The output when it succeeded.</param>
/// <param name="Error">The error name when it did not.</param>
/// <param name="Cause">The cause when it did not.</param>
/// <param name="StateTransitions">State transitions, counted as Step Functions bills them.</param>
public sealed record ExecutionResult(ExecutionStatus Status, JsonNode? Output, string? Error, string? Cause, int StateTransitions);
