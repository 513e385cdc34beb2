namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The accessible shell every chart shares: an inline SVG that scales with its card, announced as one
/// image with a title and a description that states what the chart shows in words.
/// </summary>
internal static class SvgFrame
{
    /// <remarks>A <paramref name="standalone"/> picture (an .svg file) declares the SVG namespace; inline in HTML it needs none.</remarks>
    public static TrustedHtml Wrap(string id, double width, double height, string title, string description, TrustedHtml body, bool standalone = false)
    {
        var svg = new HtmlBuilder();
        svg.Add($"<svg{(standalone ? new TrustedHtml(" xmlns=\"http://www.w3.org/2000/svg\"") : TrustedHtml.Empty)} class=\"chart\" viewBox=\"0 0 {width:0.##} {height:0.##}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Add($"<title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{description}</desc>");
        svg.Add(body);
        svg.Add($"</svg>");
        return svg.ToTrusted();
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis (never inside a surrogate pair).</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
