using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Catalog;

/// <summary>How customers pay; wallets follow the platform (Apple Pay on Apple devices, Google Pay on Android).</summary>
internal static class PaymentMethods
{
    private static readonly WeightedChoice<string> Common = WeightedChoice.Of(
        ("credit_card", 40.0), ("debit_card", 23.0), ("paypal", 17.0), ("bank_transfer", 6.0),
        ("cash_on_delivery", 4.0), ("gift_card", 2.0));

    public static string Pick(Random random, string os)
    {
        var wallet = os switch
        {
            "iOS" => "apple_pay",
            "macOS" => "apple_pay",
            "Android" => "google_pay",
            _ => null,
        };
        var walletShare = os == "iOS" ? 0.22 : 0.12;
        return wallet is not null && random.NextDouble() < walletShare ? wallet : Common.Pick(random);
    }
}
