namespace PurchasePipeline.Core.Tasks;

/// <summary>What StartValidation and GetValidationResult store at <c>$.validation</c>.</summary>
/// <param name="ValidationId">The validation: the job run id.</param>
/// <param name="Queries">One query per rule; handed back on every poll.</param>
/// <param name="State">RUNNING, SUCCEEDED (every query finished) or FAILED (a query failed or was cancelled).</param>
/// <param name="Passed">When SUCCEEDED, whether every rule found nothing; otherwise null.</param>
/// <param name="FailedRules">When SUCCEEDED, the rules that found offending rows; otherwise null.</param>
/// <param name="Rules">When SUCCEEDED, every rule's offending value; otherwise null.</param>
/// <param name="Cause">The broken rules with their counts, or the failed query and its reason; null otherwise.</param>
/// <param name="Poll">0 from StartValidation; the request's poll from GetValidationResult.</param>
public sealed record ValidationResult(
    string ValidationId,
    IReadOnlyList<ValidationQuery> Queries,
    string State,
    bool? Passed,
    IReadOnlyList<string>? FailedRules,
    IReadOnlyList<RuleOutcome>? Rules,
    string? Cause,
    int Poll);
