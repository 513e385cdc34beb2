using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// Runs the branches of a Parallel or the iterations of a Map: at most <c>maxConcurrency</c> at a
/// time (0 = all at once), started in order, each worker taking the next one when it is done. When
/// a failure makes <c>stopAfter</c> true, the ones still running are cancelled and no more start.
/// </summary>
internal static class ConcurrentJobs
{
    public static async Task<JobsOutcome> RunAsync(
        int count,
        int maxConcurrency,
        Func<int, CancellationToken, Task<JsonNode?>> job,
        Func<int, bool> stopAfter,
        CancellationToken cancellationToken)
    {
        var outputs = new JsonNode?[count];
        var errors = new StatesError?[count];
        var next = -1;
        var failures = 0;
        StatesError? stoppedBy = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task WorkAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    return;
                }

                try
                {
                    outputs[index] = await job(index, stop.Token).ConfigureAwait(false);
                }
                catch (StatesError) when (stop.IsCancellationRequested)
                {
                    // A job that fails while being stopped (an invoker reporting its cancellation as a task
                    // error) is stopped, not failed: the failure that stopped it is the one that counts.
                    return;
                }
                catch (StatesError error)
                {
                    errors[index] = error;
                    if (stopAfter(Interlocked.Increment(ref failures)) && Interlocked.CompareExchange(ref stoppedBy, error, null) is null)
                    {
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        var workers = Math.Min(count, maxConcurrency > 0 ? maxConcurrency : count);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync()).ToList()).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return new JobsOutcome(outputs, errors, Volatile.Read(ref failures), stoppedBy);
    }
}

/// <summary>The output or error of every job, how many failed, and the failure that stopped the rest.</summary>
internal sealed record JobsOutcome(IReadOnlyList<JsonNode?> Outputs, IReadOnlyList<StatesError?> Errors, int Failures, StatesError? StoppedBy);
