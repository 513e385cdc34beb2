using System.Globalization;

namespace PurchasePipeline.Core.Tasks;

/// <summary>Reads a rule query's result: exactly one row whose first (only) column, <c>offending</c>, is an integer.</summary>
internal static class OffendingValue
{
    public static bool TryRead(IReadOnlyList<IReadOnlyList<string?>> rows, out long offending)
    {
        offending = 0;
        return rows.Count == 1
            && rows[0].Count == 1
            && long.TryParse(rows[0][0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offending);
    }
}
