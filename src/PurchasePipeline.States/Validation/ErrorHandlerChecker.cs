using System.Text.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Checks Retry and Catch arrays of Task, Parallel and Map states.</summary>
/// <remarks>https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html</remarks>
internal static class ErrorHandlerChecker
{
    private const string All = "States.ALL";

    private static readonly HashSet<string> RetrierFields = new(
        ["ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment"], StringComparer.Ordinal);

    private static readonly HashSet<string> CatcherFields = new(["ErrorEquals", "Next", "ResultPath", "Comment", "Assign"], StringComparer.Ordinal);

    public static void CheckRetry(FieldChecks checks, JsonElement state, string statePath)
    {
        foreach (var (retrier, path, isLast) in Handlers(checks, state, statePath, "Retry"))
        {
            UnknownFields(checks, retrier, path, RetrierFields, "a retrier");
            ErrorEquals(checks, retrier, path, isLast, "retrier");
            checks.PositiveInteger(retrier, path, "IntervalSeconds");
            checks.NonNegativeInteger(retrier, path, "MaxAttempts");
            checks.Number(retrier, path, "BackoffRate", 1, double.MaxValue, "a number of at least 1.0");
            // Step Functions: "greater than 0 and less than 31622401" (a year and a day, the longest an execution runs).
            checks.Integer(retrier, path, "MaxDelaySeconds", 1, "a positive integer of at most 31622400", maximum: 31_622_400);
            checks.OneOf(retrier, path, "JitterStrategy", "FULL", "NONE");
            checks.String(retrier, path, "Comment");
        }
    }

    public static void CheckCatch(FieldChecks checks, JsonElement state, string statePath, List<Transition> transitions)
    {
        foreach (var (catcher, path, isLast) in Handlers(checks, state, statePath, "Catch"))
        {
            UnknownFields(checks, catcher, path, CatcherFields, "a catcher");
            ErrorEquals(checks, catcher, path, isLast, "catcher");
            if (checks.String(catcher, path, "Next", required: true) is { } next)
            {
                transitions.Add(new Transition(next, PathText.Child(path, "Next")));
            }

            checks.Path(catcher, path, "ResultPath", reference: true, nullable: true, allowVariables: false);
            checks.String(catcher, path, "Comment");
            PayloadTemplateChecker.Check(checks, catcher, path, "Assign");
        }
    }

    private static IEnumerable<(JsonElement Handler, string Path, bool IsLast)> Handlers(FieldChecks checks, JsonElement state, string statePath, string field)
    {
        if (!state.TryGetProperty(field, out var array))
        {
            yield break;
        }

        var path = PathText.Child(statePath, field);
        if (array.ValueKind != JsonValueKind.Array)
        {
            checks.Report(path, "must be an array, got " + JsonText.KindOf(array));
            yield break;
        }

        var count = array.GetArrayLength();
        var i = 0;
        foreach (var handler in array.EnumerateArray())
        {
            var handlerPath = PathText.Index(path, i);
            if (handler.ValueKind != JsonValueKind.Object)
            {
                checks.Report(handlerPath, "must be an object, got " + JsonText.KindOf(handler));
            }
            else
            {
                yield return (handler, handlerPath, i == count - 1);
            }

            i++;
        }
    }

    private static void ErrorEquals(FieldChecks checks, JsonElement handler, string path, bool isLast, string kind)
    {
        var fieldPath = PathText.Child(path, "ErrorEquals");
        if (!handler.TryGetProperty("ErrorEquals", out var errors))
        {
            checks.Report(fieldPath, "required");
            return;
        }

        if (errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0
            || errors.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || e.GetString()!.Length == 0))
        {
            checks.Report(fieldPath, "must be a non-empty array of error names");
            return;
        }

        if (errors.EnumerateArray().Any(e => e.GetString() == All))
        {
            if (errors.GetArrayLength() > 1)
            {
                checks.Report(fieldPath, $"{All} must appear alone");
            }

            if (!isLast)
            {
                checks.Report(path, $"the {kind} matching {All} must be the last one");
            }
        }
    }

    private static void UnknownFields(FieldChecks checks, JsonElement handler, string path, HashSet<string> allowed, string what)
    {
        foreach (var property in handler.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            checks.Report(PathText.Child(path, property.Name), $"unknown field for {what}");
        }
    }
}
