using PurchasePipeline.Generator.Rows;

namespace PurchasePipeline.Generator.Dirty;

/// <summary>
/// Sloppy but valid text: spaces around fields and odd letter case. The transform trims every field and
/// folds the case of exactly the columns in <see cref="CaseFolded"/>, so such a row keeps the fingerprint of
/// its clean form: a new purchase stays valid, a copy of an earlier one is its duplicate.
/// </summary>
internal static class StrayWhitespaceAndCase
{
    /// <summary>Columns whose case the transform normalises (upper for ids and referrer, lower otherwise).</summary>
    public static IReadOnlyList<int> CaseFolded { get; } =
    [
        PurchaseColumns.UserId, PurchaseColumns.SessionId, PurchaseColumns.Category, PurchaseColumns.Brand, PurchaseColumns.Referrer,
        PurchaseColumns.DeviceType, PurchaseColumns.Os, PurchaseColumns.Browser, PurchaseColumns.PaymentMethod,
    ];

    /// <summary>The clean fields with one to three fields padded with spaces and zero to three re-cased.</summary>
    public static string[] Apply(Random random, IReadOnlyList<string> clean)
    {
        var fields = clean.ToArray();
        var padded = random.Next(1, 4);
        for (var i = 0; i < padded; i++)
        {
            var column = random.Next(fields.Length);
            fields[column] = new string(' ', random.Next(0, 3)) + fields[column] + new string(' ', random.Next(1, 3));
        }

        var recased = random.Next(0, 4);
        for (var i = 0; i < recased; i++)
        {
            var column = CaseFolded[random.Next(CaseFolded.Count)];
            fields[column] = Recase(random, fields[column]);
        }

        return fields;
    }

    private static string Recase(Random random, string value) => random.Next(3) switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        _ => TitleCase(value),
    };

    private static string TitleCase(string value)
    {
        var start = value.Length - value.TrimStart(' ').Length;
        return start >= value.Length
            ? value
            : value[..start] + char.ToUpperInvariant(value[start]) + value[(start + 1)..].ToLowerInvariant();
    }
}
