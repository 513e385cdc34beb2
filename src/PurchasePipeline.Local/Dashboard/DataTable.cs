namespace PurchasePipeline.Local.Dashboard;

/// <summary>The numbers behind a chart, as a table folded into a &lt;details&gt; under it.</summary>
internal static class DataTable
{
    /// <param name="caption">What the table lists, for screen readers.</param>
    /// <param name="headers">Column headers; columns after the first <paramref name="textColumns"/> are numbers.</param>
    /// <param name="rows">Cell texts, already formatted.</param>
    /// <param name="textColumns">How many leading columns hold text (left-aligned).</param>
    public static TrustedHtml Folded(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1)
    {
        var html = new HtmlBuilder();
        html.Add($"<details class=\"data\"><summary>Show data</summary>");
        html.Add(Table(caption, headers, rows, textColumns));
        html.Add($"</details>");
        return html.ToTrusted();
    }

    /// <summary>As <see cref="Folded"/>, not folded; with an <paramref name="id"/> when the page refers to the table.</summary>
    public static TrustedHtml Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1, string? id = null)
    {
        var html = new HtmlBuilder();
        html.Add($"<div class=\"table-wrap\"><table{(id is null ? TrustedHtml.Empty : Attribute("id", id))}><caption>{caption}</caption><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Add($"<th scope=\"col\"{Align(i, textColumns)}>{headers[i]}</th>");
        }

        html.Add($"</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Add($"<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Add($"<td{Align(i, textColumns)}>{row[i]}</td>");
            }

            html.Add($"</tr>");
        }

        html.Add($"</tbody></table></div>");
        return html.ToTrusted();
    }

    private static TrustedHtml Attribute(string name, string value)
    {
        var html = new HtmlBuilder();
        html.Add($" {name}=\"{value}\"");
        return html.ToTrusted();
    }

    private static TrustedHtml Align(int column, int textColumns) =>
        column < textColumns ? TrustedHtml.Empty : new TrustedHtml(" class=\"num\"");
}
