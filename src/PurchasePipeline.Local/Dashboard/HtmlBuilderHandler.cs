using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>The interpolation handler behind <see cref="HtmlBuilder.Add(ref HtmlBuilderHandler)"/>.</summary>
[InterpolatedStringHandler]
internal readonly ref struct HtmlBuilderHandler
{
    private readonly StringBuilder text;

    public HtmlBuilderHandler(int literalLength, int formattedCount, HtmlBuilder builder)
    {
        _ = formattedCount;
        text = builder.Text;
        text.EnsureCapacity(text.Length + literalLength);
    }

    public void AppendLiteral(string value) => text.Append(value);

    public void AppendFormatted(string? value) => text.Append(WebUtility.HtmlEncode(value));

    public void AppendFormatted(TrustedHtml value) => text.Append(value.Value);

    public void AppendFormatted<T>(T value, string? format = null)
        where T : IFormattable =>
        text.Append(WebUtility.HtmlEncode(value.ToString(format, CultureInfo.InvariantCulture)));
}
