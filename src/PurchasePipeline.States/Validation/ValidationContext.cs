namespace PurchasePipeline.States.Validation;

/// <summary>What one validation run collects: every problem, and where each state name was first defined.</summary>
internal sealed class ValidationContext
{
    private readonly List<DefinitionProblem> problems = [];
    private readonly Dictionary<string, string> stateNames = new(StringComparer.Ordinal);

    public IReadOnlyList<DefinitionProblem> Problems => problems;

    public void Report(string path, string message) => problems.Add(new DefinitionProblem(path, message));

    /// <summary>Records a state name; false when another scope of the machine already defined it at <paramref name="firstPath"/>.</summary>
    public bool TryRegisterStateName(string name, string path, out string firstPath)
    {
        if (stateNames.TryGetValue(name, out firstPath!))
        {
            return false;
        }

        stateNames[name] = path;
        firstPath = path;
        return true;
    }
}

/// <summary>A reference from one state to another (Next, Default, a choice rule's or catcher's Next).</summary>
internal sealed record Transition(string Target, string Path);
