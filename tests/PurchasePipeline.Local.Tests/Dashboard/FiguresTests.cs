using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class FiguresTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("999.5", "999.5")]
    [InlineData("1234.5", "1.23k")]
    [InlineData("45678", "45.7k")]
    [InlineData("1250000", "1.25M")]
    [InlineData("-2500000000", "-2.5B")]
    public void Compact_Amount_UsesASuffix(string value, string expected)
    {
        Assert.Equal(expected, Figures.Compact(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Percent_NoShare_IsADash()
    {
        Assert.Equal(Figures.None, Figures.Percent(null));
        Assert.Equal("12.3%", Figures.Percent(0.1234m));
    }

    [Theory]
    [InlineData(0.85, "850 ms")]
    [InlineData(4.25, "4.3 s")]
    [InlineData(192, "3 min 12 s")]
    public void Duration_Seconds_ReadsNaturally(double seconds, string expected)
    {
        Assert.Equal(expected, Figures.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void Money_Amount_HasThousandsSeparatorsAndTwoDecimals()
    {
        Assert.Equal("1,234,567.80", Figures.Money(1234567.8m));
    }
}
