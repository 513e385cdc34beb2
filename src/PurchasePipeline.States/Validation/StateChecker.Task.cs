using System.Globalization;
using System.Text.Json;
using PurchasePipeline.States.Json;

namespace PurchasePipeline.States.Validation;

/// <summary>Task, Wait and Fail states.</summary>
internal static partial class StateChecker
{
    private static void CheckTask(FieldChecks checks, JsonElement state, string path, List<Transition> transitions)
    {
        var resource = checks.String(state, path, "Resource", required: true);
        if (resource is not null && (checks.ForEngine ? resource.Length == 0 : !ResourceSyntax.IsValid(resource)))
        {
            // The engine hands any name to its task invoker; Step Functions needs an ARN once substituted.
            checks.Report(PathText.Child(path, "Resource"), $"must be an ARN (arn:partition:service:region:account:resource) or a ${{Placeholder}} filled by definition substitutions, got '{resource}'");
        }

        checks.AtMostOne(state, path, "TimeoutSeconds", "TimeoutSecondsPath");
        checks.AtMostOne(state, path, "HeartbeatSeconds", "HeartbeatSecondsPath");
        var timeout = checks.PositiveInteger(state, path, "TimeoutSeconds");
        var heartbeat = checks.PositiveInteger(state, path, "HeartbeatSeconds");
        checks.Path(state, path, "TimeoutSecondsPath", reference: true);
        checks.Path(state, path, "HeartbeatSecondsPath", reference: true);
        if (timeout is not null && heartbeat is not null && heartbeat >= timeout)
        {
            checks.Report(
                PathText.Child(path, "HeartbeatSeconds"),
                string.Create(CultureInfo.InvariantCulture, $"must be less than TimeoutSeconds ({timeout})"));
        }

        ErrorHandlerChecker.CheckRetry(checks, state, path);
        ErrorHandlerChecker.CheckCatch(checks, state, path, transitions);
    }

    // Exactly one of the four ways to say how long to wait.
    private static void CheckWait(FieldChecks checks, JsonElement state, string path)
    {
        string[] ways = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
        var given = ways.Where(w => state.TryGetProperty(w, out _)).ToList();
        if (given.Count == 0)
        {
            checks.Report(path, "needs one of Seconds, Timestamp, SecondsPath or TimestampPath");
        }
        else if (given.Count > 1)
        {
            checks.Report(path, $"has {string.Join(" and ", given)}; give exactly one of Seconds, Timestamp, SecondsPath or TimestampPath");
        }

        checks.NonNegativeInteger(state, path, "Seconds");
        if (checks.String(state, path, "Timestamp") is { } timestamp && !Timestamps.TryParse(timestamp, out _))
        {
            checks.Report(PathText.Child(path, "Timestamp"), $"must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got '{timestamp}'");
        }

        checks.Path(state, path, "SecondsPath", reference: true);
        checks.Path(state, path, "TimestampPath", reference: true);
    }

    // At most one of Error/ErrorPath and of Cause/CausePath; the paths may be intrinsic functions.
    private static void CheckFail(FieldChecks checks, JsonElement state, string path)
    {
        checks.AtMostOne(state, path, "Error", "ErrorPath");
        checks.AtMostOne(state, path, "Cause", "CausePath");
        checks.String(state, path, "Error");
        checks.String(state, path, "Cause");
        foreach (var field in new[] { "ErrorPath", "CausePath" })
        {
            if (checks.String(state, path, field) is { } value)
            {
                checks.PathOrIntrinsic(value, PathText.Child(path, field));
            }
        }
    }
}
