using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.TestUtils.Fakes;

/// <summary>A fixed set of rules, given by name (the SQL is a marker naming the rule).</summary>
public sealed class FakeValidationRules(params string[] names) : IValidationRules
{
    public IReadOnlyList<ValidationRule> Rules { get; } = [.. names.Select(name => new ValidationRule(name, $"-- rule {name}\nSELECT 0 AS offending WHERE ? IS NOT NULL"))];
}
