namespace PurchasePipeline.Core.Tasks;

/// <summary>The StartValidation state's parameters.</summary>
/// <param name="JobRunId">The job run whose output the rules check (required).</param>
public sealed record StartValidationRequest(string? JobRunId);
