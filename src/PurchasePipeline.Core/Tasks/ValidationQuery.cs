namespace PurchasePipeline.Core.Tasks;

/// <summary>The query running one data-quality rule.</summary>
/// <param name="Rule">The rule's name (its glue/validation file name).</param>
/// <param name="QueryId">The query (an Athena query execution id in AWS).</param>
public sealed record ValidationQuery(string Rule, string QueryId);
