using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Definition;

/// <summary>A state machine: the top level, a Parallel branch, or a Map's item processor.</summary>
/// <param name="StartAt">The state the machine starts at.</param>
/// <param name="States">The states by name.</param>
/// <param name="TimeoutSeconds">The execution's time limit (top level only).</param>
internal sealed record MachineDefinition(string StartAt, IReadOnlyDictionary<string, StateDefinition> States, int? TimeoutSeconds)
{
    /// <summary>Reads a machine the <see cref="Validation.DefinitionValidator"/> has accepted: one reader per state type, then the common fields.</summary>
    public static MachineDefinition Read(JsonObject obj)
    {
        var states = new Dictionary<string, StateDefinition>(StringComparer.Ordinal);
        foreach (var (name, node) in obj[nameof(States)]!.AsObject())
        {
            var state = node!.AsObject();
            states[name] = CommonFields.Read(CommonFields.String(state, "Type") switch
            {
                "Pass" => PassState.Read(name, state),
                "Task" => TaskState.Read(name, state),
                "Choice" => ChoiceState.Read(name, state),
                "Wait" => WaitState.Read(name, state),
                "Succeed" => new SucceedState { Name = name },
                "Fail" => FailState.Read(name, state),
                "Parallel" => ParallelState.Read(name, state),
                _ => MapState.Read(name, state), // the validator allows no other type
            }, state);
        }

        return new MachineDefinition(CommonFields.String(obj, "StartAt")!, states, (int?)CommonFields.Integer(obj, "TimeoutSeconds"));
    }
}
