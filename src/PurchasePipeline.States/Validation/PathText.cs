using System.Globalization;

namespace PurchasePipeline.States.Validation;

/// <summary>Writes the JSON paths that problems are reported at: $.States.Wait.Seconds, $.States['My state'].Next, $.Retry[0].</summary>
internal static class PathText
{
    public static string Child(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? parent + "." + name
            : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
