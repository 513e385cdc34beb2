using System.Globalization;
using System.Text.RegularExpressions;

namespace PurchasePipeline.States.Validation;

/// <summary>
/// Timestamps of the language: RFC 3339 with an uppercase T and, without a numeric offset, an uppercase Z
/// (e.g. 2016-03-14T01:59:00Z).
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsValid(string text) =>
        Shape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
