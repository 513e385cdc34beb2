namespace PurchasePipeline.States.Definition;

/// <summary>Succeed: ends its machine successfully with its (filtered) input; it has only the common fields.</summary>
internal sealed record SucceedState : StateDefinition;
