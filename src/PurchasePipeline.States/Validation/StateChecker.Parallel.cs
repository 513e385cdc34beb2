using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Parallel and Map states, whose branches and item processors are checked as state machines of their own.</summary>
internal static partial class StateChecker
{
    private static void CheckParallel(FieldChecks checks, JsonElement state, string path, List<Transition> transitions)
    {
        var branchesPath = PathText.Child(path, "Branches");
        if (!state.TryGetProperty("Branches", out var branches))
        {
            checks.Report(branchesPath, "required");
        }
        else if (branches.ValueKind != JsonValueKind.Array || branches.GetArrayLength() == 0)
        {
            checks.Report(branchesPath, "must be a non-empty array of branches");
        }
        else
        {
            var i = 0;
            foreach (var branch in branches.EnumerateArray())
            {
                ScopeChecker.Check(checks, branch, PathText.Index(branchesPath, i++), ScopeKind.Branch);
            }
        }

        ErrorHandlerChecker.CheckRetry(checks, state, path);
        ErrorHandlerChecker.CheckCatch(checks, state, path, transitions);
    }

    private static void CheckMap(FieldChecks checks, JsonElement state, string path, List<Transition> transitions)
    {
        var processors = checks.AtMostOne(state, path, "ItemProcessor", "Iterator");
        if (processors == 0)
        {
            checks.Report(path, "needs ItemProcessor (or the older Iterator)");
        }

        if (state.TryGetProperty("ItemProcessor", out var processor))
        {
            ScopeChecker.Check(checks, processor, PathText.Child(path, "ItemProcessor"), ScopeKind.ItemProcessor);
        }

        if (state.TryGetProperty("Iterator", out var iterator))
        {
            ScopeChecker.Check(checks, iterator, PathText.Child(path, "Iterator"), ScopeKind.Iterator);
        }

        checks.AtMostOne(state, path, "ItemSelector", "Parameters");
        PayloadTemplateChecker.Check(checks, state, path, "ItemSelector");
        checks.Path(state, path, "ItemsPath", reference: true);
        checks.AtMostOne(state, path, "MaxConcurrency", "MaxConcurrencyPath");
        checks.NonNegativeInteger(state, path, "MaxConcurrency");
        checks.Path(state, path, "MaxConcurrencyPath", reference: true);
        checks.AtMostOne(state, path, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        checks.Number(state, path, "ToleratedFailurePercentage", 0, 100, "a number from 0 to 100");
        checks.Path(state, path, "ToleratedFailurePercentagePath", reference: true);
        checks.AtMostOne(state, path, "ToleratedFailureCount", "ToleratedFailureCountPath");
        checks.NonNegativeInteger(state, path, "ToleratedFailureCount");
        checks.Path(state, path, "ToleratedFailureCountPath", reference: true);
        checks.String(state, path, "Label");
        foreach (var field in new[] { "ItemReader", "ItemBatcher", "ResultWriter" })
        {
            if (checks.ForEngine && state.TryGetProperty(field, out _))
            {
                checks.Report(PathText.Child(path, field), $"'{field}' (Distributed Map over S3) is not supported by this engine");
            }
            else
            {
                checks.Object(state, path, field, out _);
            }
        }

        ErrorHandlerChecker.CheckRetry(checks, state, path);
        ErrorHandlerChecker.CheckCatch(checks, state, path, transitions);
    }
}
