namespace PurchasePipeline.Generator.Tests.Support;

/// <summary>What the transform would make of a file's rows, counted by <see cref="TransformRules"/>.</summary>
internal sealed record Tally(int Rows, int ValidUnique, int Duplicates, IReadOnlyDictionary<string, int> RejectedByReason)
{
    /// <summary>Outcome per row: "valid", "duplicate" or the reject reason.</summary>
    public static List<string> Outcomes(IEnumerable<RawRow> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. rows.Select(row => TransformRules.RejectReason(row) ?? (seen.Add(TransformRules.Fingerprint(row)) ? "valid" : "duplicate"))];
    }

    public static Tally Of(IReadOnlyList<RawRow> rows)
    {
        var outcomes = Outcomes(rows);
        return new Tally(
            rows.Count,
            outcomes.Count(o => o == "valid"),
            outcomes.Count(o => o == "duplicate"),
            outcomes.Where(o => o is not "valid" and not "duplicate")
                .GroupBy(o => o, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }
}
