using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Generator.Rows;

/// <summary>
/// Positions of the purchase columns, looked up by name in <see cref="PurchaseSchema"/> so the schema stays
/// the one place that names and orders them. A renamed or removed column fails here, at first use.
/// </summary>
internal static class PurchaseColumns
{
    public static readonly int UserId = Find("user_id");
    public static readonly int SessionId = Find("session_id");
    public static readonly int Category = Find("category");
    public static readonly int Brand = Find("brand");
    public static readonly int CostPrice = Find("cost_price");
    public static readonly int SellingPrice = Find("selling_price");
    public static readonly int Discount = Find("discount");
    public static readonly int Timestamp = Find("timestamp");
    public static readonly int Referrer = Find("referrer");
    public static readonly int DeviceType = Find("device_type");
    public static readonly int Os = Find("os");
    public static readonly int Browser = Find("browser");
    public static readonly int IpAddress = Find("ip_address");
    public static readonly int PaymentMethod = Find("payment_method");

    public static int Count => PurchaseSchema.ColumnNames.Count;

    private static int Find(string name)
    {
        var index = PurchaseSchema.ColumnNames.ToList().IndexOf(name);
        return index >= 0
            ? index
            : throw new InvalidOperationException($"PurchaseSchema has no column '{name}' that the generator fills.");
    }
}
