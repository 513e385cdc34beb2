namespace PurchasePipeline.Core.Ports;

/// <summary>The data-quality rules of glue/validation, shipped with the code that runs them.</summary>
public interface IValidationRules
{
    /// <summary>Each rule's name (file name) and SQL, in file-name order.</summary>
    IReadOnlyList<ValidationRule> Rules { get; }
}

/// <summary>One rule: a query whose <c>?</c> parameters are each the job run id, returning one row, <c>offending</c>.</summary>
public sealed record ValidationRule(string Name, string Sql);
