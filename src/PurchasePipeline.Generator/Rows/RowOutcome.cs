namespace PurchasePipeline.Generator.Rows;

/// <summary>The outcome the transform (glue/sql/01_typed_purchases.sql, 03_clean_purchases.sql) gives a row.</summary>
internal readonly record struct RowOutcome(RowStatus Status, string? RejectReason)
{
    public static RowOutcome ValidUnique { get; } = new(RowStatus.ValidUnique, null);

    public static RowOutcome Duplicate { get; } = new(RowStatus.Duplicate, null);

    public static RowOutcome Rejected(string reason) => new(RowStatus.Rejected, reason);
}
