using System.Runtime.CompilerServices;
using System.Text;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// Builds the page by interpolation with encoding as the default: <c>html.Add($"&lt;td&gt;{brand}&lt;/td&gt;")</c>
/// HTML-encodes the brand, formats numbers with the invariant culture, and copies only
/// <see cref="TrustedHtml"/> holes as they are.
/// </summary>
internal sealed class HtmlBuilder
{
    internal StringBuilder Text { get; } = new();

    public HtmlBuilder Add([InterpolatedStringHandlerArgument("")] ref HtmlBuilderHandler html)
    {
        _ = html;
        return this;
    }

    public HtmlBuilder Add(TrustedHtml html)
    {
        Text.Append(html.Value);
        return this;
    }

    public TrustedHtml ToTrusted() => new(Text.ToString());

    public override string ToString() => Text.ToString();
}

/// <summary>Markup this code produced itself (or encoded), safe to copy into the page unchanged.</summary>
internal readonly record struct TrustedHtml(string Value)
{
    public static TrustedHtml Empty { get; } = new(string.Empty);
}
