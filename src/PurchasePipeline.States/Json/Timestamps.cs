using System.Globalization;
using System.Text.RegularExpressions;

namespace PurchasePipeline.States.Json;

/// <summary>
/// Timestamps as the States language reads them: RFC 3339 with an uppercase T between date and time
/// and an uppercase Z (or a numeric offset), e.g. 2016-03-14T01:59:00Z.
/// </summary>
internal static partial class Timestamps
{
    public static bool TryParse(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out timestamp);
    }

    /// <summary>ISO 8601 in UTC with milliseconds, the form of the context object's times.</summary>
    public static string Format(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
