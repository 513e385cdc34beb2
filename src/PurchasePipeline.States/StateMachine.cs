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

    /// <summary>Parses a definition.</summary>
    /// <exception cref="DefinitionException">
    /// The text is not JSON or not a valid definition; carries every problem with its JSON path,
    /// e.g. <c>$.States.Foo.Next: state 'Bar' does not exist</c>.
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
