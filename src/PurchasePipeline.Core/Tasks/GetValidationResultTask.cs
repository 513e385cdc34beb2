using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// GetValidationResult: FAILED as soon as any rule's query failed or was cancelled; RUNNING while any is
/// unfinished; SUCCEEDED once all finished, with each rule's <c>offending</c> value and whether all are 0.
/// </summary>
public sealed class GetValidationResultTask(IQueryService queries) : IPipelineTask<GetValidationResultRequest, ValidationResult>
{
    /// <inheritdoc />
    public async Task<ValidationResult> RunAsync(GetValidationResultRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validationId = TaskInput.Required(request.ValidationId, "$.validationId");
        var started = RequiredQueries(request.Queries);
        var poll = TaskInput.Required(request.Poll, "$.poll");

        var statuses = new List<QueryStatus>(started.Count);
        foreach (var query in started)
        {
            statuses.Add(await queries.GetQueryAsync(query.QueryId, cancellationToken).ConfigureAwait(false));
        }

        var failed = started.Zip(statuses)
            .Where(pair => pair.Second.State is TaskStates.QueryFailed or TaskStates.QueryCancelled)
            .Select(pair => ValidationCause.QueryFailed(pair.First, pair.Second))
            .ToList();
        if (failed.Count > 0)
        {
            return Unfinished(validationId, started, TaskStates.ValidationFailed, string.Join("; ", failed), poll);
        }

        if (statuses.Any(status => status.State != TaskStates.QuerySucceeded))
        {
            return Unfinished(validationId, started, TaskStates.ValidationRunning, cause: null, poll);
        }

        var outcomes = new List<RuleOutcome>(started.Count);
        foreach (var query in started)
        {
            var rows = await queries.GetResultsAsync(query.QueryId, cancellationToken).ConfigureAwait(false);
            if (!OffendingValue.TryRead(rows, out var offending))
            {
                return Unfinished(validationId, started, TaskStates.ValidationFailed, ValidationCause.NotACount(query, rows), poll);
            }

            outcomes.Add(new RuleOutcome(query.Rule, offending));
        }

        var broken = outcomes.Where(outcome => outcome.Offending != 0).ToList();
        return new ValidationResult(
            validationId, started, TaskStates.ValidationSucceeded,
            Passed: broken.Count == 0,
            FailedRules: [.. broken.Select(outcome => outcome.Rule)],
            Rules: outcomes,
            Cause: broken.Count == 0 ? null : ValidationCause.BrokenRules(broken),
            poll);
    }

    private static ValidationResult Unfinished(string validationId, IReadOnlyList<ValidationQuery> started, string state, string? cause, int poll) =>
        new(validationId, started, state, Passed: null, FailedRules: null, Rules: null, cause, poll);

    private static IReadOnlyList<ValidationQuery> RequiredQueries(IReadOnlyList<ValidationQuery>? queries)
    {
        if (queries is null || queries.Count == 0)
        {
            throw Errors.InvalidTaskInputException.Missing("$.queries");
        }

        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i] ?? throw Errors.InvalidTaskInputException.Missing($"$.queries[{i}]");
            TaskInput.Required(query.Rule, $"$.queries[{i}].rule");
            TaskInput.Required(query.QueryId, $"$.queries[{i}].queryId");
        }

        return queries;
    }
}
