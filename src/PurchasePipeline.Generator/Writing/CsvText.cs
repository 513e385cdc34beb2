using System.Text;

namespace PurchasePipeline.Generator.Writing;

/// <summary>
/// RFC 4180 CSV text with '\n' line endings. A field is quoted when it holds a comma, a quote or a line
/// break, and also when it starts or ends with a space, so no reader can mistake stray spaces for padding.
/// </summary>
internal static class CsvText
{
    public static void AppendRecord(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            AppendField(text, field);
            first = false;
        }

        text.Append('\n');
    }

    public static void AppendField(StringBuilder text, string field)
    {
        if (NeedsQuotes(field))
        {
            text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            text.Append(field);
        }
    }

    private static bool NeedsQuotes(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0
        || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
}
