using PurchasePipeline.Core.Validation;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Validation;

/// <summary>
/// Athena on DuckDB: runs every glue/validation rule over the lake views for one run id and reports
/// each rule's offending count.
/// </summary>
public sealed class LocalValidator(LocalHome home)
{
    /// <summary>Runs the rules of glue/validation for a run.</summary>
    public ValidationReport Validate(string runId)
    {
        using var connection = Duck.Duck.OpenInMemory();
        LakeViews.Create(connection, home);
        var results = SqlFolder.ValidationRules
            .Select(rule => new RuleResult(rule.Name, connection.ScalarLong(rule.Text, [.. RuleParameters.For(rule.Text, runId)])))
            .ToList();
        return new ValidationReport(runId, results);
    }
}
