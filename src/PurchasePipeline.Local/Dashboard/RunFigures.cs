using System.Text.Json;
using System.Text.Json.Serialization;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// One committed ETL run's share of what the dashboard shows, worked out once from the run's manifest and the
/// rows it committed (<see cref="RunFiguresReader"/>) and kept as <c>dashboard/figures/RUN.json</c>. The page
/// is the sum of these files, so refreshing it reads this run's rows, never the whole lake again. The lake's
/// clean and rejected tables are append-only per run, so the sums equal what the lake holds.
/// </summary>
internal sealed record RunFigures
{
    public required string RunId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>The raw objects the run read, with what became of their rows.</summary>
    public required IReadOnlyList<ObjectFigures> Objects { get; init; }

    public required long RowsIn { get; init; }

    public required long RowsClean { get; init; }

    public required long RowsRejected { get; init; }

    /// <summary>Objects the run could not read (quarantined, no rows).</summary>
    public required int Quarantined { get; init; }

    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }

    /// <summary>The distinct buyers (user_id) of the clean rows the run added.</summary>
    public required IReadOnlyList<string> Customers { get; init; }

    public required IReadOnlyList<DailyRevenue> Daily { get; init; }

    public required IReadOnlyList<RevenueShare> ByCategory { get; init; }

    public required IReadOnlyList<RevenueShare> ByDevice { get; init; }

    public required IReadOnlyList<RevenueShare> ByPayment { get; init; }

    /// <summary>Every brand the run added revenue to (the page keeps the top ones of the sum).</summary>
    public required IReadOnlyList<BrandRevenue> Brands { get; init; }

    public required IReadOnlyList<SegmentRevenue> Segments { get; init; }

    /// <summary>Rows dropped from objects read for the first time: repeats within the batch or of another object's rows.</summary>
    [JsonIgnore]
    public long RowsDuplicate => Objects.Where(o => !o.Redelivered).Sum(o => o.Dropped);

    /// <summary>Rows dropped from objects an earlier run had read already (an overwritten cumulative object, a bookmark reset): already stored, not duplicates.</summary>
    [JsonIgnore]
    public long RowsRedelivered => Objects.Where(o => o.Redelivered).Sum(o => o.Dropped);
}

/// <summary>One raw object a run read.</summary>
/// <param name="Key">The object key (raw/…).</param>
/// <param name="Rows">Rows read from it.</param>
/// <param name="Dropped">Rows of it not stored because the lake or the batch had them already.</param>
/// <param name="Redelivered">Whether an earlier run had read an object with this key.</param>
internal sealed record ObjectFigures(string Key, long Rows, long Dropped, bool Redelivered);

/// <summary>The figures files' JSON: snake_case, one object per file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(RunFigures))]
internal sealed partial class RunFiguresJson : JsonSerializerContext
{
    public static string Serialize(RunFigures figures) => JsonSerializer.Serialize(figures, Default.RunFigures);

    /// <exception cref="JsonException">The text is not run figures.</exception>
    public static RunFigures Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.RunFigures) ?? throw new JsonException("figures are null");
}
