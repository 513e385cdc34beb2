namespace PurchasePipeline.Core.Validation;

/// <summary>Every rule's outcome for one run.</summary>
public sealed record ValidationReport(string RunId, IReadOnlyList<RuleResult> Rules)
{
    /// <summary>True when every rule passed.</summary>
    public bool Passed => Rules.All(r => r.Passed);

    /// <summary>The names of the rules that failed, for the execution's cause.</summary>
    public IReadOnlyList<string> FailedRules => [.. Rules.Where(r => !r.Passed).Select(r => r.Rule)];
}
