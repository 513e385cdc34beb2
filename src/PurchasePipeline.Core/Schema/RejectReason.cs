namespace PurchasePipeline.Core.Schema;

/// <summary>
/// The reasons a raw row is rejected, as the transform SQL (glue/sql/01_typed_purchases.sql) writes them
/// into the <c>reject_reason</c> column. A row gets the first reason that applies, in the order of
/// <see cref="All"/>. Tests check that this list and the SQL agree.
/// </summary>
public static class RejectReason
{
    /// <summary>
    /// The row has more fields than the header (CSV), or is not a JSON object or has a key the schema does not
    /// know (JSON lines). An unterminated quote keeps the rest of the file in one field; that row is then
    /// rejected for the fields it lacks, and nothing is dropped.
    /// </summary>
    public const string MalformedRow = "malformed_row";

    /// <summary>user_id is not USI_ followed by digits.</summary>
    public const string InvalidUserId = "invalid_user_id";

    /// <summary>session_id is not 32 hexadecimal characters.</summary>
    public const string InvalidSessionId = "invalid_session_id";

    /// <summary>cost_price is not a whole number.</summary>
    public const string InvalidCostPrice = "invalid_cost_price";

    /// <summary>selling_price is not a decimal number.</summary>
    public const string InvalidSellingPrice = "invalid_selling_price";

    /// <summary>discount is not a whole number.</summary>
    public const string InvalidDiscount = "invalid_discount";

    /// <summary>cost_price, selling_price or discount is below zero.</summary>
    public const string NegativeAmount = "negative_amount";

    /// <summary>The discount is larger than the selling price.</summary>
    public const string DiscountExceedsPrice = "discount_exceeds_price";

    /// <summary>timestamp is not a real date and time in yyyy-MM-dd HH:mm:ss.</summary>
    public const string InvalidTimestamp = "invalid_timestamp";

    /// <summary>ip_address is present but not a dotted IPv4 address.</summary>
    public const string InvalidIpAddress = "invalid_ip_address";

    /// <summary>The reason for a required column left empty.</summary>
    public static string Missing(string column) => "missing_" + column;

    /// <summary>Every reason, in the order the transform checks them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MalformedRow,
        .. PurchaseSchema.Columns.Where(c => c.Required).Select(c => Missing(c.Name)),
        InvalidUserId,
        InvalidSessionId,
        InvalidCostPrice,
        InvalidSellingPrice,
        InvalidDiscount,
        NegativeAmount,
        DiscountExceedsPrice,
        InvalidTimestamp,
        InvalidIpAddress,
    ];
}
