using System.Globalization;
using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// Amounts the transform rejects: whole-number columns that are not whole numbers, prices with currency
/// signs or three decimals, negative values, and discounts larger than the price.
/// </summary>
internal static class BadAmounts
{
    public static string CostPrice(Random random, int cost) => random.Next(6) switch
    {
        0 => Invariant($"{cost}.99"),
        1 => "n/a",
        2 => Invariant($"{cost} EUR"),
        3 => Invariant($"${cost}"),
        4 => "unknown",
        _ => Invariant($"{cost}e0"),
    };

    public static string SellingPrice(Random random, decimal price) => random.Next(6) switch
    {
        0 => "N/A",
        1 => price.ToString("0.000", CultureInfo.InvariantCulture),
        2 => "$" + Purchase.FormatAmount(price),
        3 => Purchase.FormatAmount(price) + " USD",
        4 => "free",
        _ => Purchase.FormatAmount(price).Replace('.', ','),
    };

    public static string Discount(Random random, int discount) => random.Next(5) switch
    {
        0 => "ten",
        1 => Invariant($"{discount + 5}%"),
        2 => Invariant($"{discount}.5"),
        3 => "none",
        _ => "-",
    };

    /// <summary>Makes one of cost, selling price or discount negative; returns the column and its new text.</summary>
    public static (int Column, string Value) Negative(Random random, Purchase purchase) => random.Next(3) switch
    {
        0 => (PurchaseColumns.CostPrice, Invariant($"-{purchase.CostPrice}")),
        1 => (PurchaseColumns.SellingPrice, "-" + Purchase.FormatAmount(purchase.SellingPrice)),
        _ => (PurchaseColumns.Discount, Invariant($"-{Math.Max(1, purchase.Discount)}")),
    };

    /// <summary>A whole discount strictly above the selling price.</summary>
    public static string ExceedingDiscount(Random random, decimal sellingPrice) =>
        ((long)Math.Floor(sellingPrice) + 1 + random.Next(0, 200)).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
