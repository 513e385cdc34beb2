using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// The Parallel state, per https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html:
/// every branch gets a copy of the effective input; the result is the array of their outputs in
/// branch order; when a branch fails, the others are stopped and the state fails with that error.
/// </summary>
internal sealed partial class MachineRunner
{
    private async Task<JsonNode?> RunParallelAsync(ParallelState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        if (state.Parameters is { } parameters)
        {
            effective = DataFlow.Evaluate(parameters, effective, context);
        }

        var outcome = await ConcurrentJobs.RunAsync(
            state.Branches.Count,
            0,
            (i, ct) => RunAsync(state.Branches[i], JsonValues.Copy(effective), ct),
            _ => true,
            cancellationToken).ConfigureAwait(false);
        if (outcome.StoppedBy is { } error)
        {
            throw error;
        }

        return DataFlow.Finish(state, input, new JsonArray(outcome.Outputs.ToArray()), context);
    }
}
