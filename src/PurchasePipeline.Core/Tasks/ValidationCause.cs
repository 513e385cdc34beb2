using System.Globalization;
using PurchasePipeline.Core.Ports;

namespace PurchasePipeline.Core.Tasks;

/// <summary>The text of <c>$.validation.cause</c>, which the failure states put into the on-call alert.</summary>
internal static class ValidationCause
{
    /// <summary>e.g. <c>row_conservation (3 offending), no_null_keys (1 offending)</c>.</summary>
    public static string BrokenRules(IEnumerable<RuleOutcome> broken) =>
        string.Join(", ", broken.Select(rule => string.Create(CultureInfo.InvariantCulture, $"{rule.Rule} ({rule.Offending} offending)")));

    /// <summary>e.g. <c>no_null_keys: query q-2 FAILED: TABLE_NOT_FOUND: clean_purchases</c>.</summary>
    public static string QueryFailed(ValidationQuery query, QueryStatus status) =>
        $"{query.Rule}: query {query.QueryId} {status.State}: {status.StateChangeReason ?? "no reason given"}";

    /// <summary>A rule whose query did not return the one integer it must.</summary>
    public static string NotACount(ValidationQuery query, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        var shape = rows.Count == 1
            ? "[" + string.Join(", ", rows[0].Select(cell => cell ?? "null")) + "]"
            : string.Create(CultureInfo.InvariantCulture, $"{rows.Count} rows");
        return $"{query.Rule}: query {query.QueryId} returned {shape}; a rule returns one row with one integer column, offending";
    }
}
