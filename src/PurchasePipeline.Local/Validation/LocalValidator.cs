using PurchasePipeline.Core.Validation;
using PurchasePipeline.Local.Duck;
using PurchasePipeline.Local.Lake;
using PurchasePipeline.Local.Sql;

namespace PurchasePipeline.Local.Validation;

/// <summary>
/// Athena on DuckDB: runs every glue/validation rule over the lake views for one run id and reports
/// each rule's offending count; over the lake plus a run's staged output, before it is published.
/// </summary>
public sealed class LocalValidator(LocalHome home)
{
    /// <summary>The memory limit and spill folder of the rules' DuckDB (the job passes its own); null: DuckDB's defaults.</summary>
    public DuckMemory? Memory { get; init; }

    /// <summary>Runs the rules of glue/validation for a run, published or (with its staging folder) staged.</summary>
    public ValidationReport Validate(string runId, string? staged = null)
    {
        using var connection = Memory is null ? Duck.Duck.OpenInMemory() : Duck.Duck.OpenInMemory(Memory);
        LakeViews.Create(connection, home, staged: staged);
        var results = SqlFolder.ValidationRules
            .Select(rule => new RuleResult(rule.Name, connection.ScalarLong(rule.Text, [.. RuleParameters.For(rule.Text, runId)])))
            .ToList();
        return new ValidationReport(runId, results);
    }
}
