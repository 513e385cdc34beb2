using PurchasePipeline.Local.Dashboard;

namespace PurchasePipeline.Local.Tests.Dashboard;

public sealed class HtmlBuilderTests
{
    [Fact]
    public void Add_StringHole_IsHtmlEncoded()
    {
        var brand = "<b a=\"1\">&'";

        var html = new HtmlBuilder().Add($"<td>{brand}</td>").ToString();

        Assert.Equal("<td>&lt;b a=&quot;1&quot;&gt;&amp;&#39;</td>", html);
    }

    [Fact]
    public void Add_NumberHole_UsesTheInvariantCultureAndFormat()
    {
        var html = new HtmlBuilder().Add($"<rect x=\"{1234.5678:0.##}\" n=\"{1234567}\"/>").ToString();

        Assert.Equal("<rect x=\"1234.57\" n=\"1234567\"/>", html);
    }

    [Fact]
    public void Add_TrustedHole_IsCopiedAsItIs()
    {
        var inner = new HtmlBuilder().Add($"<b>{"x<y"}</b>").ToTrusted();

        var html = new HtmlBuilder().Add($"<p>{inner}</p>").ToString();

        Assert.Equal("<p><b>x&lt;y</b></p>", html);
    }
}
