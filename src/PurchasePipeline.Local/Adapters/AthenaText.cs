using System.Globalization;

namespace PurchasePipeline.Local.Adapters;

/// <summary>
/// A DuckDB value as the text Athena's GetQueryResults gives for it, so a rule or a caller reads the same
/// result on both planes: booleans lower-case, dates ISO, timestamps to the millisecond (Athena's lake
/// tables are timestamp(3)). Doubles are .NET's shortest round-trip text, which can differ from Athena's
/// (Java) in the exponent form of very large or small values; the rules return counts.
/// </summary>
internal static class AthenaText
{
    public static string? Of(object? value) => value switch
    {
        null or DBNull => null,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
