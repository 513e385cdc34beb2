using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Validation;

namespace PurchasePipeline.States;

/// <summary>A parsed, checked Amazon States Language definition (QueryLanguage JSONPath), ready to run.</summary>
public sealed class StateMachine
{
    private StateMachine(MachineDefinition definition)
    {
        Definition = definition;
    }

    /// <summary>The state the machine starts at.</summary>
    public string StartAt => Definition.StartAt;

    /// <summary>The names of the top-level states.</summary>
    public IReadOnlyCollection<string> StateNames => Definition.States.Keys.ToList();

    /// <summary>The execution time limit (the definition's TimeoutSeconds), if any.</summary>
    public TimeSpan? Timeout => Definition.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    internal MachineDefinition Definition { get; }

    /// <summary>Parses a definition: validates it once, then reads the validated document.</summary>
    /// <exception cref="DefinitionException">
    /// The text is not JSON or not a definition the embedded engine runs; carries every problem with its
    /// JSON path, in the words <c>states validate</c> uses, e.g. <c>$.States.Foo.Next: 'Bar' is not a state in $.States</c>.
    /// </exception>
    public static StateMachine Parse(string json)
    {
        var problems = DefinitionValidator.Validate(json, ValidationTarget.EmbeddedEngine);
        if (problems.Count > 0)
        {
            throw new DefinitionException(problems);
        }

        return new StateMachine(MachineDefinition.Read(JsonNode.Parse(json)!.AsObject()));
    }
}
