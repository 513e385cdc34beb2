using System.Globalization;
using PurchasePipeline.Generator.Tests.Support;

namespace PurchasePipeline.Generator.Tests;

public sealed class CleanRowTests
{
    private static readonly Lazy<List<RawRow>> Rows = new(() =>
        [.. Generated.Batches(Some.Options() with { Files = 3, Rows = 2000, DirtyRate = 0.2 })
            .SelectMany(b => RawFiles.ReadCsv(b.Content).Zip(Tally.Outcomes(RawFiles.ReadCsv(b.Content))))
            .Where(r => r.Second == "valid")
            .Select(r => r.First)]);

    [Fact]
    public void ValidRows_SellingPriceIsCostTimes105To120WithTwoDecimals()
    {
        Assert.All(Rows.Value, row =>
        {
            var cost = decimal.Parse(Value(row, "cost_price"), CultureInfo.InvariantCulture);
            var selling = Value(row, "selling_price");
            Assert.Matches(@"^\d+\.\d{2}$", selling);
            var price = decimal.Parse(selling, CultureInfo.InvariantCulture);
            Assert.InRange(price, cost * 1.05m, cost * 1.20m);
            Assert.True(cost > 0);
        });
    }

    [Fact]
    public void ValidRows_DiscountMostlyZeroAndNeverAboveSellingPrice()
    {
        var discounts = Rows.Value.Select(r => (Discount: int.Parse(Value(r, "discount"), CultureInfo.InvariantCulture), Price: decimal.Parse(Value(r, "selling_price"), CultureInfo.InvariantCulture))).ToList();

        Assert.All(discounts, d => Assert.InRange(d.Discount, 0, d.Price));
        Assert.InRange(discounts.Count(d => d.Discount == 0) / (double)discounts.Count, 0.6, 0.9);
    }

    [Fact]
    public void ValidRows_UsersInRangeWithSomeBuyingMuchMoreThanMost()
    {
        var perUser = Rows.Value.GroupBy(r => Value(r, "user_id")).Select(g => (Id: int.Parse(g.Key[4..], CultureInfo.InvariantCulture), Count: g.Count())).ToList();

        Assert.All(perUser, u => Assert.InRange(u.Id, 1, 1000));
        var counts = perUser.Select(u => u.Count).Order().ToList();
        Assert.True(counts[^1] >= 8 * counts[counts.Count / 2], $"top buyer {counts[^1]}, median {counts[counts.Count / 2]}");
    }

    [Fact]
    public void ValidRows_SessionsHaveOneUserAndDevicePurchasesMinutesApart()
    {
        var sessions = Rows.Value.GroupBy(r => Value(r, "session_id")).ToList();

        Assert.Contains(sessions, s => s.Count() >= 3);
        Assert.All(sessions, session =>
        {
            Assert.Single(session.Select(r => (Norm(r, "user_id"), Norm(r, "device_type"), Norm(r, "os"), Norm(r, "browser"), Norm(r, "ip_address"))).Distinct());
            var times = session.Select(r => DateTime.ParseExact(Value(r, "timestamp"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Order().ToList();
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(100)));
        });
    }

    [Fact]
    public void ValidRows_EveningBusierThanNight()
    {
        var hours = Rows.Value.Select(r => int.Parse(Value(r, "timestamp")[11..13], CultureInfo.InvariantCulture)).ToList();

        Assert.True(hours.Count(h => h is >= 19 and <= 21) > 4 * hours.Count(h => h is >= 2 and <= 4));
    }

    [Fact]
    public void ValidRows_DevicesOsAndBrowsersCombineAsInRealTraffic()
    {
        var combos = Rows.Value.Select(r => (Device: Norm(r, "device_type"), Os: Norm(r, "os"), Browser: Norm(r, "browser"), Payment: Norm(r, "payment_method"))).ToList();

        var ios = combos.Where(c => c.Os == "ios").ToList();
        Assert.True(ios.Count(c => c.Browser == "safari") > ios.Count / 2);
        Assert.DoesNotContain(combos, c => c.Os is "ios" or "android" && c.Device == "desktop");
        Assert.DoesNotContain(combos, c => c.Os is "windows" or "macos" or "linux" && c.Device != "desktop");
        Assert.DoesNotContain(combos, c => c.Browser == "safari" && c.Os is not ("ios" or "macos"));
        Assert.DoesNotContain(combos, c => c.Payment == "apple_pay" && c.Os is not ("ios" or "macos"));
        Assert.DoesNotContain(combos, c => c.Payment == "google_pay" && c.Os != "android");
    }

    [Fact]
    public void ValidRows_TwelveCategoriesWithTheirOwnBrandsAndPriceLevels()
    {
        var categories = Rows.Value.GroupBy(r => Norm(r, "category")).ToDictionary(g => g.Key!, g => g.ToList());

        Assert.Equal(12, categories.Count);
        Assert.All(categories.Values, rows => Assert.True(rows.Select(r => Norm(r, "brand")).Distinct().Count() >= 3));
        Assert.DoesNotContain(categories["printers"], r => Norm(r, "brand") == "apple");
        Assert.True(MedianCost(categories["laptops"]) > 5 * MedianCost(categories["accessories"]));
    }

    [Fact]
    public void ValidRows_ReferrersAreThreeLettersAndANumberOrZero()
    {
        Assert.All(Rows.Value, r => Assert.Matches(@"^([A-Z]{3}[0-9]{1,2}|0)$", Norm(r, "referrer")));
        Assert.Contains(Rows.Value, r => Norm(r, "referrer") == "0");
    }

    /// <summary>The value as the transform sees it: trimmed, case folded.</summary>
    private static string Value(RawRow row, string column) => TransformRules.Normalised(row, column)!;

    private static string? Norm(RawRow row, string column) => TransformRules.Normalised(row, column);

    private static decimal MedianCost(List<RawRow> rows) =>
        rows.Select(r => decimal.Parse(Value(r, "cost_price"), CultureInfo.InvariantCulture)).Order().ElementAt(rows.Count / 2);
}
