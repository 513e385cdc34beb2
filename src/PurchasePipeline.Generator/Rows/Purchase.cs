using System.Globalization;
using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Generator.Rows;

/// <summary>One clean purchase, before it is written (and perhaps made dirty).</summary>
internal sealed record Purchase(
    string UserId,
    string SessionId,
    string Category,
    string Brand,
    int CostPrice,
    decimal SellingPrice,
    int Discount,
    DateTime Timestamp,
    string Referrer,
    string DeviceType,
    string Os,
    string Browser,
    string IpAddress,
    string PaymentMethod)
{
    /// <summary>The row's fields as text, in <see cref="PurchaseSchema"/> order.</summary>
    public string[] ToFields()
    {
        var fields = new string[PurchaseColumns.Count];
        fields[PurchaseColumns.UserId] = UserId;
        fields[PurchaseColumns.SessionId] = SessionId;
        fields[PurchaseColumns.Category] = Category;
        fields[PurchaseColumns.Brand] = Brand;
        fields[PurchaseColumns.CostPrice] = CostPrice.ToString(CultureInfo.InvariantCulture);
        fields[PurchaseColumns.SellingPrice] = FormatAmount(SellingPrice);
        fields[PurchaseColumns.Discount] = Discount.ToString(CultureInfo.InvariantCulture);
        fields[PurchaseColumns.Timestamp] = Timestamp.ToString(PurchaseSchema.TimestampFormat, CultureInfo.InvariantCulture);
        fields[PurchaseColumns.Referrer] = Referrer;
        fields[PurchaseColumns.DeviceType] = DeviceType;
        fields[PurchaseColumns.Os] = Os;
        fields[PurchaseColumns.Browser] = Browser;
        fields[PurchaseColumns.IpAddress] = IpAddress;
        fields[PurchaseColumns.PaymentMethod] = PaymentMethod;
        return fields;
    }

    public static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
