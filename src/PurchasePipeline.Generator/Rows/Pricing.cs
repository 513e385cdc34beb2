namespace PurchasePipeline.Generator.Rows;

/// <summary>How the shop prices: a 5–20 % markup on cost, and a discount on about one purchase in four.</summary>
internal static class Pricing
{
    public const decimal MinMarkup = 1.05m;
    public const decimal MaxMarkup = 1.20m;

    /// <summary>cost × U(1.05, 1.20), rounded to cents. Rounding is monotonic, so the bounds hold exactly.</summary>
    public static decimal SellingPrice(Random random, int cost)
    {
        var markup = MinMarkup + ((MaxMarkup - MinMarkup) * (decimal)random.NextDouble());
        return Math.Round(cost * markup, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Mostly 0; otherwise a round coupon or 5–30 % of the price, never more than the price.</summary>
    public static int Discount(Random random, decimal sellingPrice)
    {
        var roll = random.NextDouble();
        if (roll < 0.74)
        {
            return 0;
        }

        var whole = (int)Math.Floor(sellingPrice);
        if (roll < 0.86)
        {
            int[] coupons = [5, 10, 15, 20, 25, 50];
            return Math.Min(whole, coupons[random.Next(coupons.Length)]);
        }

        var share = 0.05 + (0.25 * random.NextDouble());
        return Math.Min(whole, (int)Math.Floor((double)sellingPrice * share));
    }
}
