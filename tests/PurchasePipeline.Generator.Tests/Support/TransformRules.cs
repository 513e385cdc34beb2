using System.Globalization;
using System.Text.RegularExpressions;

namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>
/// A test-only re-implementation of glue/sql/01_typed_purchases.sql: normalise, then the first reject
/// reason that applies; de-duplication on the normalised text of all fields. Written from the SQL, not
/// from the generator, so it cross-checks the generator's labels.
/// </summary>
internal static partial class TransformRules
{
    private static readonly string[] Upper = ["user_id", "referrer"];
    private static readonly string[] Lower = ["session_id", "category", "brand", "device_type", "os", "browser", "payment_method"];
    private static readonly string[] Required =
        ["user_id", "session_id", "category", "brand", "cost_price", "selling_price", "discount", "timestamp", "device_type", "payment_method"];

    public static readonly string[] Columns =
    [
        "user_id", "session_id", "category", "brand", "cost_price", "selling_price", "discount", "timestamp",
        "referrer", "device_type", "os", "browser", "ip_address", "payment_method",
    ];

    /// <summary>SQL trim (spaces only), case folding, and '' → NULL.</summary>
    public static string? Normalised(RawRow row, string column)
    {
        var value = row[column]?.Trim(' ');
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Upper.Contains(column) ? value.ToUpperInvariant()
            : Lower.Contains(column) ? value.ToLowerInvariant()
            : value;
    }

    public static string Fingerprint(RawRow row) => string.Join('|', Columns.Select(c => Normalised(row, c) ?? string.Empty));

    /// <summary>The reject reason, or null for a valid row.</summary>
    public static string? RejectReason(RawRow row)
    {
        if (row.HasExtraField)
        {
            return "malformed_row";
        }

        if (Required.FirstOrDefault(c => Normalised(row, c) is null) is { } missing)
        {
            return "missing_" + missing;
        }

        string N(string column) => Normalised(row, column)!;
        if (!UserId().IsMatch(N("user_id"))) return "invalid_user_id";
        if (!SessionId().IsMatch(N("session_id"))) return "invalid_session_id";
        if (!WholeNumber().IsMatch(N("cost_price"))) return "invalid_cost_price";
        if (!Amount().IsMatch(N("selling_price"))) return "invalid_selling_price";
        if (!WholeNumber().IsMatch(N("discount"))) return "invalid_discount";
        var cost = long.Parse(N("cost_price"), CultureInfo.InvariantCulture);
        var selling = decimal.Parse(N("selling_price"), CultureInfo.InvariantCulture);
        var discount = long.Parse(N("discount"), CultureInfo.InvariantCulture);
        if (cost < 0 || selling < 0 || discount < 0) return "negative_amount";
        if (discount > selling) return "discount_exceeds_price";
        if (!Timestamp().IsMatch(N("timestamp"))
            || !DateTime.TryParseExact(N("timestamp"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "invalid_timestamp";
        }

        var ip = Normalised(row, "ip_address");
        return ip is not null && !Ipv4().IsMatch(ip) ? "invalid_ip_address" : null;
    }

    [GeneratedRegex("^USI_[0-9]+\\z")]
    private static partial Regex UserId();

    [GeneratedRegex("^[0-9a-f]{32}\\z")]
    private static partial Regex SessionId();

    [GeneratedRegex("^-?[0-9]{1,12}\\z")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("^-?[0-9]{1,10}([.][0-9]{1,2})?\\z")]
    private static partial Regex Amount();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\z")]
    private static partial Regex Timestamp();

    [GeneratedRegex("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])[.]){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\z")]
    private static partial Regex Ipv4();
}
