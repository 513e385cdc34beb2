namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The currency the dashboard names on money figures. The data carries no currency: cost_price, selling_price
/// and discount are plain numbers in the shop's one currency (PurchaseSchema: "whole currency units"), and the
/// generator writes them as such (a price written "$12.00", "12.00 USD" or "12 EUR" is one of its rejected rows).
/// So the currency is a setting of the page, not a fact read from the rows.
/// </summary>
internal static class DashboardCurrency
{
    /// <summary>What the page says when the caller names no currency.</summary>
    public const string Default = "USD";
}
