namespace PurchasePipeline.Core.Tasks;

/// <summary>One rule's result in <c>$.validation.rules</c>.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Offending">The rule's single <c>offending</c> value; the rule passes when it is 0.</param>
public sealed record RuleOutcome(string Rule, long Offending);
