using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Validation;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Validation;

/// <summary>
/// Athena on DuckDB for the job's own audit: runs the glue/validation rules (as the caller read them, with the
/// reader Athena's task uses) over one run's scope in one connection, and reports each rule's offending count.
/// </summary>
public sealed class LocalValidator(LocalHome home, IValidationRules rules)
{
    /// <summary>The memory limit of the rules' DuckDB (the job passes its own); null: the configured limit.</summary>
    public DuckMemory? Memory { get; init; }

    /// <summary>Runs the rules for a run, published or (with its staging folder) staged.</summary>
    public ValidationReport Validate(string runId, string? staged = null)
    {
        using var connection = (Memory ?? new DuckMemory(home)).Open();
        LakeViews.CreateForRun(connection, home, runId, staged);
        var results = rules.Rules
            .Select(rule => new RuleResult(rule.Name, connection.ScalarLong(rule.Sql, [.. RuleParameters.For(rule.Sql, runId)])))
            .ToList();
        return new ValidationReport(runId, results);
    }
}
