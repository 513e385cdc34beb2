using System.Text.Json.Nodes;

namespace PurchasePipeline.States;

/// <summary>One call of a Task state's resource.</summary>
/// <param name="StateName">The Task state.</param>
/// <param name="Resource">The state's Resource (e.g. a Lambda ARN or arn:aws:states:::sns:publish).</param>
/// <param name="Parameters">The effective input: the state input after InputPath and Parameters.</param>
/// <param name="Context">The context object ($$) as the state sees it.</param>
/// <param name="Attempt">0 for the first call, then 1, 2, … for retries.</param>
public sealed record TaskInvocation(string StateName, string Resource, JsonNode? Parameters, JsonNode Context, int Attempt);
