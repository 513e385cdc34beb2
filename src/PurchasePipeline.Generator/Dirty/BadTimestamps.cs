using System.Globalization;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// Timestamps the transform rejects: the right moment in another format, or the expected format holding a
/// date or time that does not exist. Seconds are never 60 and hours never 24, which some engines accept.
/// </summary>
internal static class BadTimestamps
{
    private static readonly string[] OtherFormats =
    [
        "yyyy/MM/dd HH:mm:ss",
        "dd-MM-yyyy HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "MM/dd/yyyy hh:mm tt",
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    public static string Malformed(Random random, DateTime timestamp)
    {
        var format = random.Next(OtherFormats.Length + 1);
        return format == OtherFormats.Length
            ? new DateTimeOffset(timestamp, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : timestamp.ToString(OtherFormats[format], CultureInfo.InvariantCulture);
    }

    public static string Impossible(Random random, DateTime timestamp)
    {
        var year = timestamp.Year.ToString("0000", CultureInfo.InvariantCulture);
        var day = timestamp.ToString("dd", CultureInfo.InvariantCulture);
        var date = timestamp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = timestamp.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var minutesSeconds = timestamp.ToString("mm:ss", CultureInfo.InvariantCulture);
        string[] impossible =
        [
            $"{year}-02-30 {time}",
            $"{year}-02-31 {time}",
            $"{year}-04-31 {time}",
            $"{year}-06-31 {time}",
            $"{year}-09-31 {time}",
            $"{year}-11-31 {time}",
            $"{year}-13-{day} {time}",
            $"{year}-00-{day} {time}",
            $"{date[..7]}-00 {time}",
            $"{date} 25:{minutesSeconds}",
            DateTime.IsLeapYear(timestamp.Year) ? $"{year}-02-30 {time}" : $"{year}-02-29 {time}",
        ];
        return impossible[random.Next(impossible.Length)];
    }
}
