namespace PurchasePipeline.Core.Tasks;

/// <summary>The GetValidationResult state's parameters: StartValidation's result, handed back.</summary>
/// <param name="ValidationId">The validation (required).</param>
/// <param name="Queries">One query per rule (required, not empty).</param>
/// <param name="Poll">This poll's number, echoed into the result (required).</param>
public sealed record GetValidationResultRequest(string? ValidationId, IReadOnlyList<ValidationQuery>? Queries, int? Poll);
