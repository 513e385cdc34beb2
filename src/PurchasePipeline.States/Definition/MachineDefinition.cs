namespace PurchasePipeline.States.Definition;

/// <summary>A state machine: the top level, a Parallel branch, or a Map's item processor.</summary>
/// <param name="StartAt">The state the machine starts at.</param>
/// <param name="States">The states by name.</param>
/// <param name="TimeoutSeconds">The execution's time limit (top level only).</param>
internal sealed record MachineDefinition(string StartAt, IReadOnlyDictionary<string, StateDefinition> States, int? TimeoutSeconds);
