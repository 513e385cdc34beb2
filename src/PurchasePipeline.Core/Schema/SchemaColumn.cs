namespace PurchasePipeline.Core.Schema;

/// <summary>One column of an input file: its name as written in the header, its kind, and whether a row needs it.</summary>
/// <param name="Name">Header name, exactly as the seed system writes it.</param>
/// <param name="Kind">The type the transform casts it to.</param>
/// <param name="Required">A row with this field empty is rejected with <c>missing_&lt;name&gt;</c>.</param>
/// <param name="Description">What the field means, for docs and error messages.</param>
public sealed record SchemaColumn(string Name, ColumnKind Kind, bool Required, string Description);
