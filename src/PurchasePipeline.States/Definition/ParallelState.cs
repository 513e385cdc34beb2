using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Definition;

/// <summary>Parallel: runs every branch on the same input; the result is the array of their outputs.</summary>
internal sealed record ParallelState : ExecutingState
{
    public required IReadOnlyList<MachineDefinition> Branches { get; init; }

    public static ParallelState Read(string name, JsonObject obj) => new()
    {
        Name = name,
        Branches = obj[nameof(Branches)]!.AsArray().Select(branch => MachineDefinition.Read(branch!.AsObject())).ToList(),
    };
}
