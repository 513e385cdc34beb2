using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// Retry and Catch of Task, Parallel and Map, per https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html:
/// the first retrier whose ErrorEquals matches decides (once its MaxAttempts are spent the error goes to
/// the catchers); each retrier counts its own attempts; then the first matching catcher places the
/// error output ({"Error", "Cause"}) at its ResultPath in the raw input and goes to its Next.
/// </summary>
internal sealed partial class MachineRunner
{
    private async Task<StateStep> RunWithErrorHandlingAsync(ExecutingState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken)
    {
        var attempts = new int[state.Retry.Count];
        while (true)
        {
            try
            {
                var output = await ExecuteAsync(state, input, visit, cancellationToken).ConfigureAwait(false);
                return new StateStep(output, state.Next);
            }
            catch (StatesError error) when (!cancellationToken.IsCancellationRequested)
            {
                var retrier = state.Retry.Select((r, i) => (Retrier: r, Index: i))
                    .FirstOrDefault(r => ErrorMatcher.Matches(r.Retrier.ErrorEquals, error.Error));
                if (retrier.Retrier is { } policy && attempts[retrier.Index] < policy.MaxAttempts)
                {
                    var delay = RetryDelay(policy, attempts[retrier.Index]++);
                    visit = visit with { RetryCount = visit.RetryCount + 1 };
                    run.CountTransition();
                    await run.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var catcher = state.Catch.FirstOrDefault(c => ErrorMatcher.Matches(c.ErrorEquals, error.Error));
                if (catcher is null)
                {
                    throw;
                }

                return new StateStep(DataFlow.ApplyResultPath(catcher.ResultPath, input, ErrorOutput(error)), catcher.Next);
            }
        }
    }

    private Task<JsonNode?> ExecuteAsync(ExecutingState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken) => state switch
    {
        TaskState task => RunTaskAsync(task, input, visit, cancellationToken),
        ParallelState parallel => RunParallelAsync(parallel, input, visit, cancellationToken),
        MapState map => RunMapAsync(map, input, visit, cancellationToken),
        _ => throw new StatesError(ErrorNames.Runtime, $"state '{state.Name}' has an unknown type"),
    };

    /// <summary>IntervalSeconds × BackoffRate^retry, capped at MaxDelaySeconds; FULL jitter picks in [0, that].</summary>
    private static TimeSpan RetryDelay(Retrier retrier, int retry)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, retry);
        if (retrier.MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

        if (retrier.FullJitter)
        {
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
            seconds *= Random.Shared.NextDouble();
#pragma warning restore CA5394
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The error output a catcher passes on.</summary>
    internal static JsonObject ErrorOutput(StatesError error)
    {
        var output = new JsonObject { ["Error"] = error.Error };
        if (error.Cause is not null)
        {
            output["Cause"] = error.Cause;
        }

        return output;
    }
}
