using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class SvgFrameTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("ultimate ears", 9, "ultimate…")]
    [InlineData("ab\U0001F600cd", 4, "ab…")]
    public void Shorten_Text_CutsWithAnEllipsisOutsideSurrogatePairs(string text, int max, string expected)
    {
        Assert.Equal(expected, SvgFrame.Shorten(text, max));
    }

    [Fact]
    public void Wrap_Chart_NamesItsTitleAndDescription()
    {
        var svg = SvgFrame.Wrap("c1", 100, 50, "A & B", "desc", TrustedHtml.Empty).Value;

        Assert.Equal(
            "<svg class=\"chart\" viewBox=\"0 0 100 50\" role=\"img\" aria-labelledby=\"c1-title c1-desc\">"
            + "<title id=\"c1-title\">A &amp; B</title><desc id=\"c1-desc\">desc</desc></svg>",
            svg);
    }
}
