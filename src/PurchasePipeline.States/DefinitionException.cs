namespace PurchasePipeline.States;

/// <summary>A definition that is not valid Amazon States Language; carries every problem found.</summary>
public sealed class DefinitionException : Exception
{
    public DefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base(problems.Count == 0 ? "invalid definition" : problems[0] + (problems.Count > 1 ? $" (and {problems.Count - 1} more)" : string.Empty))
    {
        Problems = problems;
    }

    /// <summary>Every problem, each with its JSON path.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
