namespace PurchasePipeline.Core.Validation;

/// <summary>The outcome of one data-quality rule (a file of glue/validation/).</summary>
/// <param name="Rule">The rule's name: its file name without .sql.</param>
/// <param name="Offending">Rows (or, for conservation, the size of the gap) that break the rule.</param>
public sealed record RuleResult(string Rule, long Offending)
{
    /// <summary>A rule passes when nothing offends it.</summary>
    public bool Passed => Offending == 0;
}
