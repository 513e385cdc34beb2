using System.Globalization;
using System.Text.Json.Nodes;
using PurchasePipeline.States.Definition;
using PurchasePipeline.States.Json;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Execution;

/// <summary>
/// The Map state, per https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html: the
/// item processor runs once per element of the array at ItemsPath (after InputPath), on the element
/// or on what ItemSelector (legacy: Parameters) builds from it with $$.Map.Item.Index and .Value;
/// the result is the array of the iterations' outputs, in item order.
/// </summary>
/// <remarks>
/// Without a tolerated-failure field, the first failing iteration stops the others and fails the
/// state with its error. With one (https://docs.aws.amazon.com/step-functions/latest/dg/maprun-fail-threshold.html),
/// failures are counted and the state fails with States.ExceedToleratedFailureThreshold once their
/// number exceeds ToleratedFailureCount or their share exceeds ToleratedFailurePercentage; a failed
/// iteration that is tolerated leaves its error output ({"Error", "Cause"}) in the result.
/// </remarks>
internal sealed partial class MachineRunner
{
    private async Task<JsonNode?> RunMapAsync(MapState state, JsonNode? input, StateVisit visit, CancellationToken cancellationToken)
    {
        var context = run.Context(visit);
        var effective = DataFlow.ApplyInputPath(state.InputPath, input, context);
        var items = state.ItemsPath.TrySelect(effective, context, out var selected) && selected is JsonArray array
            ? array
            : throw new StatesError(ErrorNames.Runtime, $"The ItemsPath '{state.ItemsPath}' of state '{state.Name}' must select an array in '{JsonValues.ToJson(effective)}'");
        var iterationInputs = items.Select((item, index) => ItemInput(state, effective, visit, index, item)).ToList();
        var maxConcurrency = Number(state.MaxConcurrency, state.MaxConcurrencyPath, effective, context, state.Name, "MaxConcurrencyPath");
        var tolerance = Tolerance(state, effective, context, items.Count);
        var outcome = await ConcurrentJobs.RunAsync(
            items.Count,
            (int)maxConcurrency,
            (i, ct) => RunAsync(state.Processor, iterationInputs[i], ct),
            tolerance.IsExceededBy,
            cancellationToken).ConfigureAwait(false);
        if (outcome.StoppedBy is { } error)
        {
            throw state.ToleratesFailures
                ? new StatesError(ErrorNames.ExceedToleratedFailureThreshold, tolerance.Describe(outcome.Failures))
                : error;
        }

        var results = outcome.Outputs.Select((output, i) => outcome.Errors[i] is { } failed ? ErrorOutput(failed) : output).ToArray();
        return DataFlow.Finish(state, input, new JsonArray(results), context);
    }

    private JsonNode? ItemInput(MapState state, JsonNode? effective, StateVisit visit, int index, JsonNode? item)
    {
        if (state.ItemSelector is not { } selector)
        {
            return JsonValues.Copy(item);
        }

        var mapItem = new JsonObject { ["Index"] = index, ["Value"] = JsonValues.Copy(item) };
        return DataFlow.Evaluate(selector, effective, run.Context(visit, mapItem: mapItem));
    }

    private static FailureTolerance Tolerance(MapState state, JsonNode? input, JsonNode context, int items)
    {
        if (!state.ToleratesFailures)
        {
            return new FailureTolerance(0, null, items);
        }

        var count = state.ToleratedFailureCount is null && state.ToleratedFailureCountPath is null
            ? (double?)null
            : Number(state.ToleratedFailureCount ?? 0, state.ToleratedFailureCountPath, input, context, state.Name, "ToleratedFailureCountPath");
        double? percentage = state.ToleratedFailurePercentage;
        if (state.ToleratedFailurePercentagePath is { } path)
        {
            percentage = path.TrySelect(input, context, out var value) && JsonValues.TryGetNumber(value, out var p) && p is >= 0 and <= 100
                ? p
                : throw new StatesError(ErrorNames.Runtime, $"The ToleratedFailurePercentagePath '{path}' of state '{state.Name}' must select a number from 0 to 100");
        }

        return new FailureTolerance(count, percentage, items);
    }

    /// <summary>A non-negative integer, written or read from the input by its *Path.</summary>
    private static long Number(long written, JsonPath? path, JsonNode? input, JsonNode context, string stateName, string field)
    {
        if (path is null)
        {
            return written;
        }

        return path.TrySelect(input, context, out var value) && JsonValues.TryGetInteger(value, out var number) && number is >= 0 and <= int.MaxValue
            ? number
            : throw new StatesError(ErrorNames.Runtime, $"The {field} '{path}' of state '{stateName}' must select a non-negative integer in '{JsonValues.ToJson(input)}'");
    }

    /// <summary>How many failed iterations a Map tolerates; a null bound is not checked.</summary>
    private sealed record FailureTolerance(double? Count, double? Percentage, int Items)
    {
        public bool IsExceededBy(int failures) =>
            (Count is null && Percentage is null)
            || failures > Count
            || (Items > 0 && failures * 100.0 / Items > Percentage);

        public string Describe(int failures) => string.Create(
            CultureInfo.InvariantCulture,
            $"{failures} of {Items} items failed, more than the tolerated {(Count is { } c ? c + " items" : string.Empty)}{(Count is not null && Percentage is not null ? " or " : string.Empty)}{(Percentage is { } p ? p + "%" : string.Empty)}");
    }
}
