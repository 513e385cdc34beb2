using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Local.Tests;

/// <summary>Row builders for dirty data: one per reject reason.</summary>
internal static partial class Some
{
    /// <summary>
    /// The row changed so that, on its own, it breaks exactly the rule of <paramref name="reason"/>.
    /// Values keep stray whitespace and case where they can, so tests see the raw text kept verbatim.
    /// </summary>
    public static Dictionary<string, string> Break(this Dictionary<string, string> row, string reason) => reason switch
    {
        RejectReason.MalformedRow => row.With(ExtraFields, "surplus"),
        RejectReason.InvalidUserId => row.With("user_id", " usr_7 "),
        RejectReason.InvalidSessionId => row.With("session_id", "not-a-session"),
        RejectReason.InvalidCostPrice => row.With("cost_price", "500.5"),
        RejectReason.InvalidSellingPrice => row.With("selling_price", "575.505"),
        RejectReason.InvalidDiscount => row.With("discount", "20.5"),
        RejectReason.NegativeAmount => row.With("cost_price", "-500"),
        RejectReason.DiscountExceedsPrice => row.With("discount", "576"),
        RejectReason.InvalidTimestamp => row.With("timestamp", "2024-02-30 10:00:00"),
        RejectReason.InvalidIpAddress => row.With("ip_address", "10.0.0.256"),
        _ when PurchaseSchema.Columns.FirstOrDefault(c => c.Required && RejectReason.Missing(c.Name) == reason) is { } column =>
            row.With(column.Name, "  "),
        _ => throw new ArgumentException($"no row builder for reject reason {reason}: add one to Some.Break", nameof(reason)),
    };
}
