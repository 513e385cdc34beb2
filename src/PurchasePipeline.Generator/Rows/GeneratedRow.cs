using PurchasePipeline.Generator.Dirty;

namespace PurchasePipeline.Generator.Rows;

/// <summary>
/// A row as written: its fields in schema order, an optional field beyond the last column, and the
/// outcome the transform will give it.
/// </summary>
/// <param name="Fields">The text of each column, in PurchaseSchema order.</param>
/// <param name="ExtraField">Text past the last column (a malformed row), else null.</param>
/// <param name="Outcome">Kept, dropped as a duplicate, or rejected with which reason.</param>
/// <param name="Kind">The kind of dirt this row carries, or null for a clean row.</param>
internal sealed record GeneratedRow(IReadOnlyList<string> Fields, string? ExtraField, RowOutcome Outcome, DirtyKind? Kind);
