using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Validation;

namespace PurchasePipeline.Core.Tasks;

/// <summary>StartValidation: starts one query per data-quality rule, with the job run id for each of its parameters.</summary>
/// <remarks>The validation id is the job run id: one validation per run, and a retried call only re-runs read-only queries.</remarks>
public sealed class StartValidationTask(IQueryService queries, IValidationRules rules) : IPipelineTask<StartValidationRequest, ValidationResult>
{
    /// <inheritdoc />
    public async Task<ValidationResult> RunAsync(StartValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var jobRunId = TaskInput.Required(request.JobRunId, "$.jobRunId");

        var started = new List<ValidationQuery>(rules.Rules.Count);
        foreach (var rule in rules.Rules)
        {
            var queryId = await queries.StartQueryAsync(rule.Sql, RuleParameters.For(rule.Sql, jobRunId), cancellationToken).ConfigureAwait(false);
            started.Add(new ValidationQuery(rule.Name, queryId));
        }

        return new ValidationResult(
            jobRunId, started, TaskStates.ValidationRunning,
            Passed: null, FailedRules: null, Rules: null, Cause: null, Poll: 0);
    }
}
